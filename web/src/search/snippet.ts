/**
 * Snippets come HTML-safe from the API (the record's text escaped, matched words in <mark>). As
 * defence in depth they are rebuilt here before they reach the DOM: the text is kept, <mark> is
 * kept (without attributes), every other element is reduced to its text, and script-like
 * elements, comments and attributes are dropped. The result is the only HTML the page sets.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Elements whose content is never text to show. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'TITLE', 'HEAD']);

function rebuild(node: Node, insideMark: boolean): string {
  let out = '';
  node.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) {
      out += escapeHtml(child.nodeValue ?? '');
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const name = (child as Element).tagName.toUpperCase();
      if (DROPPED.has(name)) return;
      // <mark> inside <mark> is flattened: one level of highlighting
      if (name === 'MARK' && !insideMark) out += `<mark>${rebuild(child, true)}</mark>`;
      else out += rebuild(child, insideMark);
    }
    // comments, processing instructions…: dropped
  });
  return out;
}

/** Without a DOM parser: exact <mark> and </mark> kept (balanced), every other tag removed, the rest re-escaped. */
function rebuildWithoutDom(html: string): string {
  const decode = (text: string) =>
    text
      .replace(/<[^>]*>?/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0*39;|&#x0*27;/gi, "'")
      .replace(/&amp;/g, '&');
  let out = '';
  let open = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === '</mark>') {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(decode(part));
    }
  }
  return open ? `${out}</mark>` : out;
}

/** HTML holding nothing but text and <mark> elements. */
export function sanitizeSnippet(html: string): string {
  if (!html) return '';
  if (typeof DOMParser === 'undefined') return rebuildWithoutDom(html);
  // A parsed document is inert: no script runs and nothing loads.
  const document = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return rebuild(document.body, false);
}
