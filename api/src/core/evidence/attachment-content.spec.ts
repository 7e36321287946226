import { detectAttachmentKind, nameForKind, sanitizeFileName } from './attachment-content';

describe('attachment types from the bytes', () => {
  it.each([
    ['a PDF', 'x.bin', 'pdf', Buffer.from('%PDF-1.7')],
    ['a PNG', 'x', 'png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['a JPEG', 'x', 'jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe1])],
    ['UTF-8 text', 'a.csv', 'csv', Buffer.from('课程,人数\n')],
    ['UTF-8 text', 'a.log', 'txt', Buffer.from('plain text')],
  ])('%s named %s is %s', async (_label, name, kind, content) => {
    expect(await detectAttachmentKind(content, name)).toEqual({ ok: true, kind });
  });

  it.each([
    ['MZ\x90\x00', 'executable'],
    ['\x7fELF\x02', 'executable'],
    ['#!/usr/bin/env node\n', 'executable'],
    ['\xcf\xfa\xed\xfe', 'executable'],
    ['\x00\x01', 'not one of the allowed types'],
    ['', 'empty'],
  ])('refuses %j (%s)', async (content, reason) => {
    const result = await detectAttachmentKind(Buffer.from(content, 'latin1'), 'x.pdf');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('keeps names that agree with the content, adds a missing extension and refuses a contradicting one', () => {
    expect(nameForKind('照片.JPEG', 'jpeg')).toEqual({ ok: true, name: '照片.JPEG' });
    expect(nameForKind('scan', 'pdf')).toEqual({ ok: true, name: 'scan.pdf' });
    expect(nameForKind('v1.2 report', 'pdf')).toEqual({ ok: true, name: 'v1.2 report.pdf' });
    expect(nameForKind('scan.pdf', 'png')).toEqual({ ok: false, reason: 'the content is PNG but the name ends in .pdf' });
  });

  it('sanitises file names', () => {
    expect(sanitizeFileName('C:\\Users\\陈芳\\个案.pdf')).toBe('个案.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('a"b\u0000c.txt')).toBe('abc.txt');
    expect(sanitizeFileName('')).toBe('attachment');
    expect(sanitizeFileName(`${'长'.repeat(300)}.pdf`)).toHaveLength(200);
  });
});
