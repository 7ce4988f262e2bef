import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('# Titre\n\n**gras** et [lien](https://essonne.fr)')).toBe(
      '<h2>Titre</h2>\n<p><strong>gras</strong> et <a href="https://essonne.fr" rel="noopener noreferrer nofollow">lien</a></p>\n',
    );
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror="alert(1)">', /onerror/i],
    ['[clic](javascript:alert(1))', /javascript:/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['<svg onload=alert(1)>', /<svg/i],
    ['<p style="background:url(javascript:alert(1))">x</p>', /style=/i],
  ])('makes %s inert', (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it('gives plain text for indexing', () => {
    expect(markdownToText('## Télémédecine\n\nUne *cabine* à Étampes & alentours.')).toBe('Télémédecine Une cabine à Étampes & alentours.');
  });
});
