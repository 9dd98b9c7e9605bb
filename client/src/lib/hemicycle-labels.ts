import type { TFunction } from 'i18next';
import type { HemicycleLabels } from '@parallele/charts';

/** The hemicycle takes its words as props (it also renders on the server): give it the UI's. */
export const hemicycleLabels = (t: TFunction): HemicycleLabels => ({
  positions: {
    pour: t('position.pour'),
    contre: t('position.contre'),
    abstention: t('position.abstention'),
    nonVotant: t('position.nonVotant'),
    absent: t('position.absent'),
  },
  seats: t('hemicycle.seats'),
  chart: t('hemicycle.chart'),
});
