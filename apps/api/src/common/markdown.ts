import type { WikiLinkRef } from '@essaim/domain';
import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

export type { WikiLinkRef };

/** Returns the HTML (already escaped by the caller) that replaces one wiki link. */
export type WikiLinkRenderer = (link: WikiLinkRef) => string;

interface WikiLinkToken extends Tokens.Generic, WikiLinkRef {
  type: 'wikiLink';
  raw: string;
  /** Set by renderMarkdown() just before rendering; without it the link shows as typed. */
  html?: string;
}

// `[[Title]]` or `[[Title|label]]`, anchored: marked calls the tokenizer at each position of
// inline text only, so code spans and code blocks never reach it.
const WIKI_LINK = /^\[\[([^[\]\n|]{1,200})(?:\|([^[\]\n]{1,200}))?\]\]/;

const wikiLinks: TokenizerAndRendererExtension = {
  name: 'wikiLink',
  level: 'inline',
  start: (src) => {
    const index = src.indexOf('[[');
    return index < 0 ? undefined : index;
  },
  tokenizer(src): WikiLinkToken | undefined {
    const match = WIKI_LINK.exec(src);
    const target = match?.[1].trim();
    if (!match || !target) return undefined;
    return { type: 'wikiLink', raw: match[0], target, label: (match[2] ?? match[1]).trim() };
  },
  renderer: (token) => (token as WikiLinkToken).html ?? escapeHtml(token.raw),
};

/**
 * User-written Markdown becomes HTML on the server only, through an allowlist: no scripts,
 * no event handlers, no iframes, no style, links limited to http(s)/mailto/relative.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false, extensions: [wikiLinks] });

const isWikiLink = (token: Token): token is WikiLinkToken => token.type === 'wikiLink';

/** Absolute http(s) or protocol-relative: served by another site. */
const isExternal = (src: string | undefined) => /^\s*(https?:)?\/\//i.test(src ?? '');

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'sup',
    'sub',
    'span',
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
  allowedClasses: { a: ['wikilink', 'wikilink-missing', 'external-image'], code: [/^language-[a-z0-9-]+$/], span: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // The page around the content owns the only h1 (the sheet's or page's title): a Markdown
  // "# Titre" becomes an h2, like the "## Titre" most writers use.
  transformTags: {
    h1: 'h2',
    // An image from another site would be fetched by every reader's browser (a tracking pixel):
    // it becomes a link to the image, named by its alt text. Images of this site stay images.
    img: (tagName, attribs) =>
      isExternal(attribs.src)
        ? {
            tagName: 'a',
            attribs: { href: attribs.src, rel: 'noopener noreferrer nofollow', class: 'external-image' },
            text: `🖼 ${attribs.alt?.trim() || attribs.src}`,
          }
        : { tagName, attribs },
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
    }),
  },
};
SANITIZE_OPTIONS.allowedAttributes = { ...(SANITIZE_OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'class', 'rel'] };

export const MAX_MARKDOWN_LENGTH = 100_000;

const CACHE_MAX_ENTRIES = 500;
const CACHE_MAX_SOURCE = 20_000;

/** A small least-recently-used map: rendering and sanitizing are the costly part of a read. */
function recentlyUsed<V>() {
  const entries = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: V, sourceLength: number): void {
      if (sourceLength > CACHE_MAX_SOURCE) return;
      entries.set(key, value);
      if (entries.size > CACHE_MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** Rendered HTML by source (no links, or links shown as typed). */
const rendered = recentlyUsed<string>();
/** Rendered HTML by source and what its links render to (a page created since changes the HTML). */
const renderedWithLinks = recentlyUsed<string>();
/** Wiki links by source: the renderer's key needs them, and WikiLinksService asks for them first. */
const linksBySource = recentlyUsed<WikiLinkRef[]>();

function wikiLinkTokens(tokens: Token[]): WikiLinkToken[] {
  const found: WikiLinkToken[] = [];
  marked.walkTokens(tokens, (token) => {
    if (isWikiLink(token)) found.push(token);
  });
  return found;
}

/**
 * The `[[…]]` links of a Markdown text, in order, as the renderer sees them: text inside code
 * spans and code blocks (fenced or indented) is not a link, nor is an escaped `\[[`.
 */
export function wikiLinksIn(markdown: string): WikiLinkRef[] {
  if (!markdown.includes('[[')) return [];
  const cached = linksBySource.get(markdown);
  if (cached) return cached;
  const links = wikiLinkTokens(marked.lexer(markdown)).map(({ target, label }) => ({ target, label }));
  linksBySource.set(markdown, links, markdown.length);
  return links;
}

/**
 * Markdown to safe HTML. With `wikiLink`, each `[[…]]` outside code becomes what it returns
 * (trusted HTML: the caller escapes what it inserts); without it, links show as typed.
 */
export function renderMarkdown(markdown: string, wikiLink?: WikiLinkRenderer): string {
  const linkHtml = wikiLink ? wikiLinksIn(markdown).map(wikiLink) : [];
  const [cache, key] = linkHtml.length ? [renderedWithLinks, JSON.stringify([markdown, ...linkHtml])] : [rendered, markdown];
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const tokens = marked.lexer(markdown);
  wikiLinkTokens(tokens).forEach((token, i) => (token.html = linkHtml[i]));
  const html = sanitizeHtml(marked.parser(tokens), SANITIZE_OPTIONS);
  cache.set(key, html, markdown.length);
  return html;
}

/** Plain text for search indexing and snippets: rendered, then every tag removed. */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes text for use inside HTML (names and titles in server-made HTML such as the minutes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
