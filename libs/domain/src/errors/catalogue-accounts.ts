/** Accounts, passwords, memberships of territories, e-mail links. */
export const ACCOUNT_ERRORS = {
  PASSWORD_TOO_SHORT: { fr: 'Le mot de passe doit contenir au moins {min} caractères.', en: 'The password must be at least {min} characters long.' },
  PASSWORD_TOO_LONG: { fr: 'Le mot de passe ne doit pas dépasser {max} caractères.', en: 'The password must not be longer than {max} characters.' },
  PASSWORD_TOO_COMMON: {
    fr: 'Ce mot de passe est trop courant : choisissez-en un plus difficile à deviner.',
    en: 'This password is too common: choose one that is harder to guess.',
  },
  PASSWORD_CONTAINS_EMAIL: { fr: 'Le mot de passe ne doit pas reprendre votre adresse e-mail.', en: 'The password must not contain your e-mail address.' },
  REGISTRATION_UNKNOWN_TERRITORY: {
    fr: "Territoire inconnu : « {code} ». Indiquez un code INSEE de commune ou un SIREN d'EPCI.",
    en: 'Unknown territory: "{code}". Give the INSEE code of a commune or the SIREN of an EPCI.',
  },
  EMAIL_TAKEN: { fr: 'Un compte existe déjà avec cette adresse e-mail.', en: 'An account already exists with this e-mail address.' },
  WRONG_CREDENTIALS: { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong e-mail address or password.' },
  USER_NOT_FOUND: { fr: 'Utilisateur introuvable.', en: 'User not found.' },
  ACCOUNT_NOT_FOUND: { fr: 'Compte introuvable.', en: 'Account not found.' },
  LAST_ADMIN: {
    fr: 'Il doit rester au moins un administrateur : nommez-en un autre avant de changer ce rôle.',
    en: 'At least one administrator must remain: appoint another one before changing this role.',
  },
  DISPLAY_NAME_LENGTH: { fr: 'Le nom affiché doit contenir entre 2 et 80 caractères.', en: 'The display name must be between 2 and 80 characters long.' },
  WRONG_CURRENT_PASSWORD: {
    fr: 'Mot de passe actuel incorrect : le mot de passe n’a pas été changé.',
    en: 'Wrong current password: the password was not changed.',
  },
  WRONG_PASSWORD_ACCOUNT_KEPT: {
    fr: 'Mot de passe incorrect : le compte n’a pas été supprimé.',
    en: 'Wrong password: the account was not deleted.',
  },
  WRONG_PASSWORD: { fr: 'Mot de passe incorrect.', en: 'Wrong password.' },
  SESSION_NOT_FOUND: { fr: 'Session introuvable.', en: 'Session not found.' },
  MEMBERSHIP_REVOKED: {
    fr: 'Votre appartenance à {territory} a été retirée ; adressez-vous à un·e gestionnaire du territoire.',
    en: 'Your membership of {territory} was revoked; contact a manager of the territory.',
  },
  MEMBERSHIP_DECIDERS_ONLY: {
    fr: 'Seuls les gestionnaires du territoire, les modérateurs et les administrateurs traitent ces demandes.',
    en: 'Only the managers of the territory, moderators and administrators handle these requests.',
  },
  MEMBERSHIP_ALREADY_DECIDED: { fr: 'Cette demande a déjà été traitée.', en: 'This request has already been handled.' },
  REFUSAL_REASON_REQUIRED: {
    fr: 'Indiquez la raison du refus : elle est transmise à la personne.',
    en: 'Give the reason for the refusal: it is passed on to the person.',
  },
  LEAVE_FROM_ACCOUNT: {
    fr: 'Pour quitter un territoire, utilisez « Quitter » sur votre compte.',
    en: 'To leave a territory, use "Leave" on your account.',
  },
  REVOCATION_REASON_REQUIRED: {
    fr: 'Indiquez la raison du retrait : elle est transmise à la personne.',
    en: 'Give the reason for the revocation: it is passed on to the person.',
  },
  MEMBERSHIP_NOT_FOUND: { fr: 'Appartenance introuvable.', en: 'Membership not found.' },
  MANAGER_MUST_BE_VERIFIED: {
    fr: "Seul·e un·e membre vérifié·e peut gérer les demandes d'un territoire.",
    en: "Only a verified member can manage a territory's requests.",
  },
  MEMBERSHIP_REQUESTS_DECIDERS_ONLY: {
    fr: 'Seuls les gestionnaires du territoire, les modérateurs et les administrateurs voient ces demandes.',
    en: 'Only the managers of the territory, moderators and administrators see these requests.',
  },
  DOMAIN_TAKEN: {
    fr: 'Le domaine {domain} est déjà déclaré pour un autre territoire ({territoryCode}).',
    en: 'The domain {domain} is already declared for another territory ({territoryCode}).',
  },
  NOT_A_DOMAIN: {
    fr: "« {input} » n'est pas un nom de domaine (exemple : mairie-etampes.fr).",
    en: '"{input}" is not a domain name (example: mairie-etampes.fr).',
  },
  PASSWORD_RESET_LINK_INVALID: {
    fr: 'Ce lien de réinitialisation n’est pas valide ou a expiré (il sert une seule fois, pendant 1 heure). Demandez-en un nouveau.',
    en: 'This reset link is not valid or has expired (it works once, for 1 hour). Ask for a new one.',
  },
  EMAIL_LINK_INVALID: {
    fr: 'Ce lien de confirmation n’est pas valide ou a expiré (il sert une seule fois, pendant 24 heures). Demandez-en un nouveau depuis votre compte.',
    en: 'This confirmation link is not valid or has expired (it works once, for 24 hours). Ask for a new one from your account.',
  },
  EMAIL_UNCHANGED: { fr: 'C’est déjà l’adresse de votre compte.', en: 'This is already the address of your account.' },
  EMAIL_OF_ANOTHER_ACCOUNT: { fr: 'Cette adresse est déjà celle d’un autre compte.', en: 'This address already belongs to another account.' },
  INVITERS_FACILITATORS_ONLY: {
    fr: 'Seuls les animateurs et animatrices de ce séminaire peuvent inviter des participants.',
    en: 'Only the facilitators of this seminar can invite participants.',
  },
  // Argument validation (DTO decorators, text rules, scalars): see apps/api/src/common/validation/problem.ts.
  EMAIL_TOO_LONG: { fr: "L'adresse e-mail est trop longue.", en: 'The e-mail address is too long.' },
  INVALID_EMAIL: { fr: "L'adresse e-mail n'est pas valide.", en: 'The e-mail address is not valid.' },
  INVALID_RESET_LINK: { fr: 'Lien de réinitialisation invalide.', en: 'Invalid reset link.' },
  INVALID_CONFIRMATION_LINK: { fr: 'Lien de confirmation invalide.', en: 'Invalid confirmation link.' },
  INVALID_NOTIFICATION_TYPE: { fr: 'Type de notification invalide.', en: 'Invalid notification type.' },
  INVALID_MAIL_MODE: { fr: 'Mode invalide : IMMEDIATE, DAILY, WEEKLY ou NEVER.', en: 'Invalid mode: IMMEDIATE, DAILY, WEEKLY or NEVER.' },
  TOO_MANY_ADDRESSES: { fr: 'Au plus 200 adresses à la fois.', en: 'At most 200 addresses at a time.' },
  INVALID_ADDRESS_IN_LIST: { fr: 'Une des adresses n’est pas valide.', en: 'One of the addresses is not valid.' },
  INVALID_HOME_TERRITORY_CODE: {
    fr: "Code de territoire invalide : indiquez un code INSEE de commune ou un SIREN d'EPCI.",
    en: 'Invalid territory code: give the INSEE code of a commune or the SIREN of an EPCI.',
  },
  INVALID_SESSION_ID: { fr: 'Identifiant de session invalide.', en: 'Invalid session identifier.' },
} as const;
