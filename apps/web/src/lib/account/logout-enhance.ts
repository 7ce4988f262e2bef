import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For logout forms: after a ProConnect login the logout action answers with ProConnect's logout
 * URL instead of redirecting (see routes/deconnexion); with JavaScript, go straight there.
 */
export const continueToProviderLogout: SubmitFunction =
  () =>
  async ({ result, update }) => {
    if (result.type === 'success' && typeof result.data?.providerLogoutUrl === 'string') {
      window.location.href = result.data.providerLogoutUrl;
      return;
    }
    await update();
  };
