/**
 * Sequential palettes of five classes from ColorBrewer (Cynthia Brewer), both marked safe for
 * colour-blind readers and for photocopies: YlGnBu for indicators, YlOrRd for blockers. The
 * lightest class stays distinct from the grey hatching of "no data".
 */
export const PALETTES = {
  blue: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  orange: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
} as const;

export type PaletteName = keyof typeof PALETTES;
