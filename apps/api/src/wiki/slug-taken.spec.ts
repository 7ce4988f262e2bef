import { SlugTaken } from './slug-taken';

describe('SlugTaken', () => {
  it('is a CONFLICT naming the title, with the slug', () => {
    const error = new SlugTaken('page', 'Guide', 'guide');
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'PAGE_JUST_CREATED', params: { title: 'Guide' }, slug: 'guide', field: 'title' });
    expect(error.message).toMatch(/^Une page porte déjà ce titre : « Guide »/);
    expect(new SlugTaken('fiche', 'Tiers-lieu', 'tiers-lieu-evry').message).toMatch(/^Une fiche porte déjà ce titre pour ce territoire : « Tiers-lieu »/);
  });
});
