import JSZip from 'jszip';

/** A DOCX read back for tests: its parts as XML text, and helpers over WordprocessingML. */
export interface DocxParts {
  document: string;
  settings: string;
  fontTable: string;
  /** The footer parts (word/footer*.xml), by file name. */
  footers: Record<string, string>;
}

export async function readDocx(content: ArrayBuffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(content);
  const part = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
  const footers = Object.fromEntries(await Promise.all(footerNames.map(async (name) => [name, await part(name)] as const)));
  return { document: await part('word/document.xml'), settings: await part('word/settings.xml'), fontTable: await part('word/fontTable.xml'), footers };
}

/** Every `<w:name …>…</w:name>` (or self-closing) element of `xml`, outermost first, not nested in one another. */
export function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'))].map((m) => m[0]);
}

/** The text of a piece of WordprocessingML (its w:t elements joined). */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
}

/** The value of attribute `attribute` on the first `<element …>` of `xml`. */
export function attribute(xml: string, element: string, attributeName: string): string | undefined {
  const tag = new RegExp(`<${element}(?:\\s[^>]*)?/?>`).exec(xml)?.[0];
  return tag ? new RegExp(`\\s${attributeName}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

/** The body paragraphs that are not inside a table, in order. */
export function paragraphsOutsideTables(documentXml: string): string[] {
  return elements(documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''), 'w:p');
}
