import { defineMessages } from '$lib/i18n';

/** The page where a territory's managers and Essaim's staff set up verification. */
export const adminMessages = defineMessages({
  fr: {
    title: 'Membres d’une collectivité',
    intro:
      'Les gestionnaires d’une collectivité et la modération voient ici ses membres vérifiés et peuvent retirer une appartenance. La modération nomme les gestionnaires et déclare les domaines e-mail officiels.',
    show: 'Afficher',
    members: 'Membres vérifiés de {name}',
    noMembers: 'Aucun membre vérifié.',
    manager: 'Gestionnaire',
    setManager: 'Nommer gestionnaire',
    unsetManager: 'Retirer le rôle de gestionnaire',
    revoke: 'Retirer l’appartenance',
    reason: 'Motif (transmis à la personne)',
    revokeSubmit: 'Retirer',
    saved: 'Modification enregistrée.',
    domains: 'Domaines e-mail officiels',
    domainsIntro: 'Une personne dont l’adresse vérifiée est sur l’un de ces domaines devient membre vérifiée de la collectivité, sans autre démarche.',
    noDomains: 'Aucun domaine déclaré.',
    domain: 'Domaine',
    domainHint: 'Par exemple mairie-etampes.fr (sans « @ »).',
    addDomain: 'Déclarer le domaine',
    remove: 'Retirer',
  },
  en: {
    title: 'Members of a local authority',
    intro:
      'A local authority’s managers and Essaim’s moderators see its verified members here and can withdraw a membership. Moderators name managers and declare official e-mail domains.',
    show: 'Show',
    members: 'Verified members of {name}',
    noMembers: 'No verified member.',
    manager: 'Manager',
    setManager: 'Make manager',
    unsetManager: 'Remove the manager role',
    revoke: 'Withdraw the membership',
    reason: 'Reason (sent to the person)',
    revokeSubmit: 'Withdraw',
    saved: 'Change saved.',
    domains: 'Official e-mail domains',
    domainsIntro: 'Someone whose verified address is on one of these domains becomes a verified member of the authority, with nothing else to do.',
    noDomains: 'No domain declared.',
    domain: 'Domain',
    domainHint: 'For example mairie-etampes.fr (without “@”).',
    addDomain: 'Declare the domain',
    remove: 'Remove',
  },
});
