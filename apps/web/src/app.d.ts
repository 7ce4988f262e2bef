import type { Lang } from '$lib/i18n';

declare global {
  namespace App {
    interface Locals {
      /** Interface language, from the `lang` cookie (French by default). */
      lang: Lang;
    }
    interface Error {
      message: string;
      /** GraphQL `extensions.code` when the error came from the API. */
      code?: string;
    }
  }
}

export {};
