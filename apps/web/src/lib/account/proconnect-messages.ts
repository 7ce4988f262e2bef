import { defineMessages } from '$lib/i18n';

/** The ProConnect button keeps its official French label in every language (brand guidelines). */
export const proconnectMessages = defineMessages({
  fr: {
    'proconnect.title': 'Agent·e d’une collectivité ou de l’État ?',
    'proconnect.intro': 'Identifiez-vous avec ProConnect : votre appartenance à votre collectivité est vérifiée aussitôt.',
    'proconnect.what': 'Qu’est-ce que ProConnect ?',
    'proconnect.whatTitle': 'Qu’est-ce que ProConnect ? - nouvelle fenêtre',
    'proconnect.failed': 'La connexion avec ProConnect n’a pas abouti. Réessayez, ou connectez-vous avec votre mot de passe.',
    'proconnect.or': 'ou',
    'proconnect.logoutIntro': 'Vous vous étiez identifié·e avec ProConnect : terminez aussi votre session ProConnect.',
    'proconnect.logoutLink': 'Se déconnecter de ProConnect',
  },
  en: {
    'proconnect.title': 'Working for a local authority or the State?',
    'proconnect.intro': 'Sign in with ProConnect: your membership of your local authority is verified at once.',
    'proconnect.what': 'What is ProConnect?',
    'proconnect.whatTitle': 'What is ProConnect? - new window',
    'proconnect.failed': 'Signing in with ProConnect did not succeed. Try again, or log in with your password.',
    'proconnect.or': 'or',
    'proconnect.logoutIntro': 'You signed in with ProConnect: end your ProConnect session too.',
    'proconnect.logoutLink': 'Log out of ProConnect',
  },
});
