/** The licence of every open-data export (projects, commitments): sent in the JSON and as a `Link: rel="license"` header. */
export const OPEN_DATA_LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0 (Etalab 2.0)',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};
