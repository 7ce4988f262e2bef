/**
 * Keeps an unsaved copy of a form in localStorage so nothing typed is lost (tab closed,
 * session expired, conflict). Saved on every input; cleared once the server accepted the form.
 */
export class FormDraft {
  available = $state(false);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly key: string) {}

  /** Call from an $effect with the form element; returns the cleanup. */
  attach(form: HTMLFormElement): () => void {
    const initial = FormDraft.serialise(form);
    const stored = this.read();
    this.available = stored !== null && stored !== initial;
    const onInput = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(form), 300);
    };
    form.addEventListener('input', onInput);
    form.addEventListener('change', onInput);
    return () => {
      clearTimeout(this.timer);
      form.removeEventListener('input', onInput);
      form.removeEventListener('change', onInput);
    };
  }

  /** Serialised form fields (hidden ones excluded), comparable to a stored draft. */
  static serialise(form: HTMLFormElement): string {
    const entries: [string, string][] = [];
    for (const element of Array.from(form.elements)) {
      const field = element as HTMLInputElement;
      if (!field.name || field.type === 'hidden' || field.type === 'submit') continue;
      if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
      entries.push([field.name, field.value]);
    }
    return JSON.stringify(entries);
  }

  save(form: HTMLFormElement): void {
    try {
      localStorage.setItem(this.key, FormDraft.serialise(form));
    } catch {
      // Storage full or disabled: the form itself still works.
    }
  }

  read(): string | null {
    try {
      return localStorage.getItem(this.key);
    } catch {
      return null;
    }
  }

  /** Puts the draft back into the form fields. */
  restore(form: HTMLFormElement): void {
    const stored = this.read();
    if (!stored) return;
    const entries = JSON.parse(stored) as [string, string][];
    const byName = new Map<string, string[]>();
    for (const [name, value] of entries) byName.set(name, [...(byName.get(name) ?? []), value]);
    for (const element of Array.from(form.elements)) {
      const field = element as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      if (!field.name || (field as HTMLInputElement).type === 'hidden') continue;
      const values = byName.get(field.name) ?? [];
      if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) field.checked = values.includes(field.value);
      else field.value = values[0] ?? '';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    this.available = false;
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // ignore
    }
    this.available = false;
  }
}
