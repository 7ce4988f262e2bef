import { markdownToText, renderMarkdown, WikiLinkRef, wikiLinksIn } from './markdown';

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

describe('wiki links and code', () => {
  const link = ({ target, label }: WikiLinkRef) => `<a href="/pages/${encodeURIComponent(target)}" class="wikilink">${label}</a>`;
  const sample = [
    'Voir [[Guide]] et [[Catalogue des démarches|le catalogue]].',
    '',
    'En code : `[[Pas un lien]]` et ``deux `[[Toujours pas]]` backticks``.',
    '',
    '```markdown',
    '[[Dans un bloc clôturé]]',
    '```',
    '',
    '~~~',
    '[[Dans un bloc tilde]]',
    '~~~',
    '',
    '    [[Dans un bloc indenté]]',
    '',
    '- une liste avec [[Page de liste]]',
    '- et du code `[[Code de liste]]`',
    '',
    '  ```',
    '  [[Bloc dans la liste]]',
    '  ```',
    '',
    '> citation [[Page citée]] et `[[Code cité]]`',
    '',
    '| Colonne |',
    '| --- |',
    '| [[Page en tableau]] `[[Code en tableau]]` |',
    '',
    'Échappé : \\[[Pas un lien non plus]]',
  ].join('\n');

  it('extracts the links outside code only, in order', () => {
    expect(wikiLinksIn(sample)).toEqual([
      { target: 'Guide', label: 'Guide' },
      { target: 'Catalogue des démarches', label: 'le catalogue' },
      { target: 'Page de liste', label: 'Page de liste' },
      { target: 'Page citée', label: 'Page citée' },
      { target: 'Page en tableau', label: 'Page en tableau' },
    ]);
  });

  it('renders links outside code and leaves code as typed', () => {
    const html = renderMarkdown(sample, link);
    expect(html.match(/class="wikilink"/g)).toHaveLength(5);
    expect(html).toContain('<a href="/pages/Guide" class="wikilink">Guide</a>');
    expect(html).toContain('<a href="/pages/Catalogue%20des%20d%C3%A9marches" class="wikilink">le catalogue</a>');
    expect(html).toContain('<code>[[Pas un lien]]</code>');
    expect(html).toContain('<code>deux `[[Toujours pas]]` backticks</code>');
    expect(html).toContain('<code class="language-markdown">[[Dans un bloc clôturé]]\n</code>');
    expect(html).toContain('<code>[[Dans un bloc tilde]]\n</code>');
    expect(html).toContain('<code>[[Dans un bloc indenté]]\n</code>');
    expect(html).toContain('<code>[[Code de liste]]</code>');
    expect(html).toContain('<code>[[Bloc dans la liste]]\n</code>');
    expect(html).toContain('<code>[[Code cité]]</code>');
    expect(html).toContain('<code>[[Code en tableau]]</code>');
    expect(html).toContain('Échappé : [[Pas un lien non plus]]');
    expect(html).not.toMatch(/href="[^"]*(Pas|Dans|Code|Bloc|Toujours)/);
  });

  it('shows links as typed when no renderer is given (forum posts)', () => {
    expect(renderMarkdown('Voir [[Guide|le <b>guide</b>]]')).toBe('<p>Voir [[Guide|le &lt;b&gt;guide&lt;/b&gt;]]</p>\n');
  });

  it('keys its cache on what the links render to', () => {
    const markdown = 'Voir [[Page bientôt créée]].';
    expect(renderMarkdown(markdown, ({ label }) => `<a href="/pages/nouveau" class="wikilink-missing">${label}</a>`)).toContain('wikilink-missing');
    expect(renderMarkdown(markdown, ({ label }) => `<a href="/pages/page" class="wikilink">${label}</a>`)).toContain('class="wikilink"');
  });

  it('ignores empty targets and line breaks inside brackets', () => {
    expect(wikiLinksIn('[[ ]] et [[a\nb]] et [[]]')).toEqual([]);
    expect(wikiLinksIn('texte sans lien')).toEqual([]);
  });

  it("renders images from other sites as links (no tracking pixel), Markdown or raw HTML, and keeps this site's images", () => {
    const html = renderMarkdown(
      '![le logo](https://evil.example/pixel.png) <img src="http://evil.example/p.gif" alt="brut"> <img src="//evil.example/x.gif"> ![local](/images/a.png)',
    );
    expect(html).not.toMatch(/<img[^>]+(https?:)?\/\/evil/);
    expect(html).toContain('<a href="https://evil.example/pixel.png" rel="noopener noreferrer nofollow" class="external-image">🖼 le logo</a>');
    expect(html).toContain('<a href="http://evil.example/p.gif" rel="noopener noreferrer nofollow" class="external-image">🖼 brut</a>');
    expect(html).toContain('<img src="/images/a.png" alt="local" />');
  });
});
