import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const lexer = new Marked();

/**
 * Markdown as a reader sees it, one block per paragraph, for diffs that read like the
 * document: headings without `#`, no rules (`---`), no emphasis markers, list items with a
 * bullet, links and `[[wiki links]]` as their words. Blocks are separated by a blank line so
 * the diff's unchanged sections can be collapsed paragraph by paragraph.
 */
export function markdownToReadable(markdown: string): string {
  return blocks(lexer.lexer(markdown)).join('\n\n');
}

function blocks(tokens: Token[], depth = 0): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
      case 'paragraph':
        out.push(inline(token.text));
        break;
      case 'text':
        out.push(inline((token as Tokens.Text).text));
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        const items = list.items.map((item, i) => {
          const [first = '', ...rest] = blocks(item.tokens, depth + 1);
          const marker = list.ordered ? `${start + i}.` : '•';
          return [`${'  '.repeat(depth)}${marker} ${first}`, ...rest].join('\n');
        });
        out.push(items.join('\n'));
        break;
      }
      case 'blockquote':
        out.push(...blocks((token as Tokens.Blockquote).tokens, depth));
        break;
      case 'code':
        out.push((token as Tokens.Code).text);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.text)).join(' | ');
        out.push([row(table.header), ...table.rows.map(row)].join('\n'));
        break;
      }
      case 'html':
        out.push(inline((token as Tokens.HTML).text));
        break;
      default:
        // hr, space, def: nothing a reader reads.
        break;
    }
  }
  return out.filter((b) => b.trim() !== '');
}

/** Inline Markdown to its words: rendered, tags dropped, entities decoded, wiki links as their label. */
function inline(text: string): string {
  const withLinks = text.replace(/\[\[([^[\]\n|]{1,200})(?:\|([^[\]\n]{1,200}))?\]\]/g, (_, target: string, label?: string) => (label ?? target).trim());
  const html = lexer.parseInline(withLinks) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .trim();
}

/** "540 000 €" (French grouping, no decimals). */
export function formatEuros(amount: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(amount)} €`;
}
