import { PROJECT_TEXT_SECTIONS } from '@essaim/domain';

/** The project editor's fields as flat strings (what a failed action sends back to re-fill the form). */
export type ProjectFormValues = Record<string, string>;

export const VENDOR_FIELDS = ['name', 'oss', 'licence', 'role'] as const;
export const EMPTY_VENDOR_ROWS = 2;

interface SheetLike {
  title: string;
  summary: string;
  body: string;
  themes: readonly string[];
  stage: string;
  budgetEuros: number | null;
  revision?: number;
  territory: { code: string; name: string };
  sections: Partial<Record<(typeof PROJECT_TEXT_SECTIONS)[number], string | null>> & {
    vendors?: readonly { name: string; openSource: boolean; licence?: string | null; role?: string | null }[] | null;
  };
}

export function projectToValues(p: SheetLike): ProjectFormValues {
  const values: ProjectFormValues = {
    title: p.title,
    summary: p.summary,
    body: p.body,
    themes: p.themes.join(','),
    stage: p.stage,
    territory: `${p.territory.name} (${p.territory.code})`,
    budgetEuros: p.budgetEuros === null ? '' : String(p.budgetEuros),
    baseRevision: p.revision ? String(p.revision) : '',
    comment: '',
  };
  for (const key of PROJECT_TEXT_SECTIONS) values[key] = p.sections[key] ?? '';
  const vendors = p.sections.vendors ?? [];
  vendors.forEach((v, i) => {
    values[`vendor_name_${i}`] = v.name;
    values[`vendor_oss_${i}`] = v.openSource ? 'on' : '';
    values[`vendor_licence_${i}`] = v.licence ?? '';
    values[`vendor_role_${i}`] = v.role ?? '';
  });
  values.vendorCount = String(vendors.length);
  return values;
}

/** Number of vendor rows to show: the filled ones plus a few empty ones (no JavaScript needed). */
export const vendorRows = (values: ProjectFormValues) => Number(values.vendorCount || 0) + EMPTY_VENDOR_ROWS;
