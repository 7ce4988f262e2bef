import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * User-written Markdown becomes HTML on the server only, through an allowlist: no scripts,
 * no event handlers, no iframes, no style, links limited to http(s)/mailto/relative.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
    'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'sup', 'sub', 'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
    span: ['class'],
    ol: ['start'],
  },
  allowedClasses: { a: ['wikilink', 'wikilink-missing'], code: [/^language-[a-z0-9-]+$/], span: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // The page around the content owns the only h1 (the sheet's or page's title): a Markdown
  // "# Titre" becomes an h2, like the "## Titre" most writers use.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
    }),
  },
};
SANITIZE_OPTIONS.allowedAttributes = { ...(SANITIZE_OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'class', 'rel'] };

export const MAX_MARKDOWN_LENGTH = 100_000;

/** Recently rendered sources (after preprocessing, so resolved links are part of the key). */
const rendered = new Map<string, string>();
const RENDERED_MAX_ENTRIES = 500;
const RENDERED_MAX_SOURCE = 20_000;

/** Markdown to safe HTML. `preprocess` lets a feature rewrite its own syntax first (e.g. [[wiki links]]). */
export function renderMarkdown(markdown: string, preprocess?: (markdown: string) => string): string {
  const source = preprocess ? preprocess(markdown) : markdown;
  const cached = rendered.get(source);
  if (cached !== undefined) {
    rendered.delete(source);
    rendered.set(source, cached);
    return cached;
  }
  const html = sanitizeHtml(marked.parse(source) as string, SANITIZE_OPTIONS);
  if (source.length <= RENDERED_MAX_SOURCE) {
    rendered.set(source, html);
    if (rendered.size > RENDERED_MAX_ENTRIES) rendered.delete(rendered.keys().next().value as string);
  }
  return html;
}

/** Plain text for search indexing and snippets: rendered, then every tag removed. */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

/** Escapes text for use inside HTML (names and titles in server-made HTML such as the minutes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
