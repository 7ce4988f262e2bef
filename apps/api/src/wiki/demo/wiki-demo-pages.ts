import type { DemoAccounts } from '../../seed/demo-accounts';

export interface DemoPage {
  author: keyof DemoAccounts;
  title: string;
  parent?: string;
  body: string;
  edits: { author: keyof DemoAccounts; comment: string; body: string }[];
}

/** A few wiki pages: a guide, the shared catalogue of procedures, a template. Parents come first. */
export const DEMO_PAGES: DemoPage[] = [
  {
    author: 'admin',
    title: 'Guide de la fiche projet',
    body: "# Écrire une fiche projet utile\n\nUne bonne fiche permet à une autre collectivité de **refaire le projet** sans vous appeler dix fois.\n\n## Les sections à remplir\n\n- **Prérequis** : ce qu'il faut avoir avant de commencer ;\n- **Partenaires** : qui a aidé, qui a financé ;\n- **Fournisseurs et logiciels** : précisez s'il s'agit de logiciel libre et sa licence ;\n- **Durée**, **écueils**, **résultats** et **contact**.\n\n## Bonnes pratiques\n\n- chiffrez le budget : le coût par habitant est calculé automatiquement ;\n- liez les pages utiles avec `[[Titre de la page]]`, par exemple [[Catalogue des procédures partagées]].",
    edits: [
      {
        author: 'moderator',
        comment: 'Ajout du conseil sur les écueils',
        body: "# Écrire une fiche projet utile\n\nUne bonne fiche permet à une autre collectivité de **refaire le projet** sans vous appeler dix fois.\n\n## Les sections à remplir\n\n- **Prérequis** : ce qu'il faut avoir avant de commencer ;\n- **Partenaires** : qui a aidé, qui a financé ;\n- **Fournisseurs et logiciels** : précisez s'il s'agit de logiciel libre et sa licence ;\n- **Durée**, **écueils**, **résultats** et **contact**.\n\n## Bonnes pratiques\n\n- chiffrez le budget : le coût par habitant est calculé automatiquement ;\n- racontez aussi ce qui n'a pas marché : c'est la partie la plus utile ;\n- liez les pages utiles avec `[[Titre de la page]]`, par exemple [[Catalogue des procédures partagées]].",
      },
    ],
  },
  {
    author: 'admin',
    title: 'Catalogue des procédures partagées',
    body: "# Catalogue des procédures partagées\n\nLes procédures communes à toutes les collectivités, pour mutualiser les services numériques.\n\n- [[Procédures d'état civil]]\n- [[Procédures école et cantine]]\n\nExemple de réalisation : [[Demandes d'actes d'état civil en ligne]].",
    edits: [],
  },
  {
    author: 'agent',
    title: "Procédures d'état civil",
    parent: 'Catalogue des procédures partagées',
    body: "# Procédures d'état civil\n\n| Démarche | En ligne | Service national |\n|---|---|---|\n| Acte de naissance | oui | COMEDEC |\n| Acte de mariage | oui | COMEDEC |\n| Acte de décès | oui | — |\n| Recensement citoyen | oui | service-public.fr |\n\nRetour au [[Catalogue des procédures partagées]].",
    edits: [
      {
        author: 'agent',
        comment: 'Ajout du PACS',
        body: "# Procédures d'état civil\n\n| Démarche | En ligne | Service national |\n|---|---|---|\n| Acte de naissance | oui | COMEDEC |\n| Acte de mariage | oui | COMEDEC |\n| Acte de décès | oui | — |\n| PACS (prise de rendez-vous) | oui | — |\n| Recensement citoyen | oui | service-public.fr |\n\nRetour au [[Catalogue des procédures partagées]].",
      },
    ],
  },
  {
    author: 'member',
    title: 'Procédures école et cantine',
    parent: 'Catalogue des procédures partagées',
    body: '# Procédures école et cantine\n\n- inscription scolaire (justificatif de domicile, livret de famille) ;\n- inscription à la restauration scolaire et calcul du quotient familial ;\n- réservation et paiement du périscolaire.\n\nBonne pratique : [[FranceConnect sur le portail famille]].',
    edits: [],
  },
  {
    author: 'moderator',
    title: 'Modèle de cahier des charges favorisant le logiciel libre',
    body: "# Modèle de cahier des charges\n\nPour réduire la **dépendance aux prestataires**, quelques clauses à reprendre :\n\n1. les développements spécifiques sont publiés sous licence libre (EUPL-1.2 ou AGPL-3.0) ;\n2. les données restent la propriété de la collectivité, exportables dans un format ouvert (CSV, JSON) ;\n3. la réversibilité est chiffrée dans l'offre ;\n4. les solutions libres ne sont pas exclues par une marque imposée.\n\nVoir la fiche [[Passage de la bureautique aux logiciels libres]].",
    edits: [
      {
        author: 'admin',
        comment: 'Clause d’interopérabilité',
        body: "# Modèle de cahier des charges\n\nPour réduire la **dépendance aux prestataires**, quelques clauses à reprendre :\n\n1. les développements spécifiques sont publiés sous licence libre (EUPL-1.2 ou AGPL-3.0) ;\n2. les données restent la propriété de la collectivité, exportables dans un format ouvert (CSV, JSON) ;\n3. la réversibilité est chiffrée dans l'offre ;\n4. les interfaces (API) sont documentées et respectent le référentiel général d'interopérabilité ;\n5. les solutions libres ne sont pas exclues par une marque imposée.\n\nVoir la fiche [[Passage de la bureautique aux logiciels libres]].",
      },
    ],
  },
];
