import {
  PROJECT_SECTION_LABELS_EN,
  PROJECT_SECTION_LABELS_FR,
  PROJECT_STAGE_LABELS_EN,
  PROJECT_STAGE_LABELS_FR,
  THEME_LABELS_EN,
  THEME_LABELS_FR,
  type ProjectStage,
  type ProjectTextSection,
  type Theme,
} from '@essaim/domain';
import type { Lang } from '$lib/i18n';

export const themeLabel = (t: Theme, lang: Lang) => (lang === 'en' ? THEME_LABELS_EN : THEME_LABELS_FR)[t];
export const stageLabel = (s: ProjectStage, lang: Lang) => (lang === 'en' ? PROJECT_STAGE_LABELS_EN : PROJECT_STAGE_LABELS_FR)[s];
export const sectionLabel = (s: ProjectTextSection, lang: Lang) => (lang === 'en' ? PROJECT_SECTION_LABELS_EN : PROJECT_SECTION_LABELS_FR)[s];
