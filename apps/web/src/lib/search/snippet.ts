/**
 * Snippets arrive as escaped text with only <mark> elements (the API guarantees it). Defence
 * in depth before {@html}: any other tag-looking sequence is escaped again.
 */
export function safeSnippet(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}
