import JSZip from 'jszip';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

/** The text of a DOCX, paragraph by paragraph, read from word/document.xml. */
async function docxParagraphs(content: ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe('DOCX export of a proposal', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  const download = async (proposalId: string, cookie: string) =>
    fetch(`${t.url}/export/proposals/${proposalId}.docx`, { headers: { cookie } });

  it('lays out the story’s proposal with its title, addressee, numbered and titled suggestions, authors and the day it was handed in', async () => {
    const owner = await f.as('zhangjie');
    const { proposals } = await owner.ok('{ proposals(first: 10) { nodes { id title suggestions { title text } } } }');
    const story = proposals.nodes.find((p: { title: string }) => p.title.startsWith('关于加大政府购买服务力度'));
    const response = await download(story.id, owner.cookieHeader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(story.title)}`);
    const paragraphs = await docxParagraphs(await response.arrayBuffer());
    expect(paragraphs[0]).toBe(story.title);
    expect(paragraphs[1]).toBe('晋安区人民政府：');
    story.suggestions.forEach((s: { title: string; text: string }, i: number) => expect(paragraphs).toContain(`${i + 1}.${s.title}。${s.text}`));
    expect(paragraphs).toContain('建议人：张洁、林晓燕');
    // handed in on paper on 2021-12-15 (STORY_SUBMITTED_ON), whatever the day of the download
    expect(paragraphs[paragraphs.length - 1]).toBe('2021年12月15日');
  });

  it('answers a browser that follows the download link (Accept: text/html) with the document, not the web app', async () => {
    const owner = await f.as('zhangjie');
    const draft = await f.create('zhangjie', { title: '关于妇女议事会的建议' });
    const response = await fetch(`${t.url}/export/proposals/${draft.id}.docx`, {
      headers: { cookie: owner.cookieHeader, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml.document');
  });

  it('refuses anonymous callers (401) and people who may not read the proposal (404)', async () => {
    const draft = await f.create('zhangjie', { title: '关于社区托育服务的建议' });
    expect((await download(draft.id, '')).status).toBe(401);
    expect((await download(draft.id, (await f.as('liusiyuan')).cookieHeader)).status).toBe(404);
    expect((await download(draft.id, (await f.as('zhangjie')).cookieHeader)).status).toBe(200);
    expect((await fetch(`${t.url}/export/proposals/not-an-id.docx`, { headers: { cookie: (await f.as('zhangjie')).cookieHeader } })).status).toBe(404);
  });
});
