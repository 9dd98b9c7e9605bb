/**
 * Chart look shared by the web client and the exported images. Colours are the Okabe–Ito
 * colour-blind-safe palette, and every colour is doubled by a non-colour cue (dash pattern,
 * marker shape or hatching) so that the charts read in greyscale and for colour-blind readers.
 */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

export const COLOURS = {
  pour: '#009E73',
  contre: '#D55E00',
  abstention: '#E69F00',
  required: '#000000',
  adopted: '#0072B2',
  rejected: '#E69F00',
  grid: '#DDDDDD',
  axis: '#333333',
  text: '#1A1A1A',
  muted: '#666666',
  background: '#FFFFFF',
} as const;

/** The MaVoix bloc, on every chart: the website's purple. */
export const MAVOIX_COLOUR = '#6d28d9';

/** One line style per series, cycling: colour + dash + marker. */
export const SERIES_STYLES = [
  { colour: '#0072B2', dash: '', marker: 'circle' },
  { colour: '#D55E00', dash: '8 4', marker: 'square' },
  { colour: '#009E73', dash: '2 3', marker: 'triangle' },
  { colour: '#CC79A7', dash: '10 3 2 3', marker: 'diamond' },
  { colour: '#56B4E9', dash: '4 4', marker: 'cross' },
] as const;
export type MarkerShape = (typeof SERIES_STYLES)[number]['marker'];

export type ChartLocale = 'fr' | 'en';

const LABELS = {
  fr: {
    k: 'K (députés MaVoix)',
    pour: 'Pour',
    contre: 'Contre',
    abstention: 'Abstention',
    required: 'Requis pour adopter',
    adopted: 'Adopté',
    rejected: 'Rejeté',
    tipping: 'Bascule',
    votes: 'Voix',
    pourShare: 'Part « pour » du bloc MaVoix (%)',
    flippable: 'Scrutins dont l’issue peut basculer',
    official: 'Officiel',
    parallel: 'Parallèle',
    none: 'aucune',
    seats: 'sièges',
  },
  en: {
    k: 'K (MaVoix deputies)',
    pour: 'For',
    contre: 'Against',
    abstention: 'Abstention',
    required: 'Required to adopt',
    adopted: 'Adopted',
    rejected: 'Rejected',
    tipping: 'Tipping point',
    votes: 'Votes',
    pourShare: '“For” share of the MaVoix bloc (%)',
    flippable: 'Scrutins whose outcome can flip',
    official: 'Official',
    parallel: 'Parallel',
    none: 'none',
    seats: 'seats',
  },
} as const;
export type ChartLabels = { [K in keyof (typeof LABELS)['fr']]: string };
export const chartLabels = (locale: ChartLocale = 'fr'): ChartLabels => LABELS[locale];
