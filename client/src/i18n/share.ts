/**
 * Strings of issue 17 (page titles, link previews, famous votes, translated server errors), merged
 * into the translation resources in i18n/index.ts. French typography in French (espace avant « : »),
 * English in English; plurals with i18next's _one/_other keys.
 */
import { frenchTree } from './typography';

export const shareFr = frenchTree({
  pageTitle: {
    suffix: 'MaVoix · Législature parallèle',
    home: 'Accueil',
    scrutins: 'Rechercher un scrutin',
    scrutin: 'Scrutin n° {{n}}',
    legislature: '{{n}}e législature',
    account: 'Mon compte',
    reset: 'Nouveau mot de passe',
    scenarios: 'Scénarios',
    notFound: 'Page introuvable',
  },
  breadcrumb: 'Fil d’Ariane',
  flip: {
    explain: 'La chance que le résultat bascule si les {{k}} député·es remplacé·es étaient tiré·es au sort parmi les membres de l’Assemblée, au lieu d’être les mieux placé·es (K*).',
    methodLink: 'Méthode',
    methodTitle: 'Méthode de la probabilité de bascule',
    method: 'On compte, exactement, tous les tirages possibles de K député·es parmi les membres en fonction le jour du vote (sièges vacants exclus), chaque tirage ayant la même chance ; pour chacun, les député·es tiré·es cèdent leur place au bloc MaVoix, qui vote selon la consigne. La probabilité est la part des tirages où le résultat officiel bascule. Le point de bascule K* suppose au contraire qu’on remplace d’abord celles et ceux dont le départ aide le plus : c’est pourquoi la probabilité peut rester sous 100 % même quand K ≥ K*.',
  },
  famous: {
    title: 'Des votes qui ont marqué',
    open: 'Voir le scrutin',
  },
  search: {
    hint: 'Un mot du titre, un sujet (« retraites »), un gouvernement (« Barnier »), un groupe (« LIOT »), un numéro (1240) ou un identifiant (VTANR5L16V1240).',
  },
  unknownScrutin: {
    title: 'Ce scrutin n’existe pas',
    body: 'Aucun scrutin ne porte l’identifiant {{uid}} dans nos données.',
    search: 'Rechercher un scrutin',
  },
  errors: {
    invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
    too_many_requests: 'Trop de demandes : réessayez plus tard.',
    too_many_requests_wait_one: 'Trop de demandes : réessayez dans {{count}} seconde.',
    too_many_requests_wait_other: 'Trop de demandes : réessayez dans {{count}} secondes.',
    too_many_requests_wait_minutes_one: 'Trop de demandes : réessayez dans {{count}} minute.',
    too_many_requests_wait_minutes_other: 'Trop de demandes : réessayez dans {{count}} minutes.',
    invalid_code: 'Ce code est incorrect ou a expiré.',
    unauthorized: 'Connectez-vous pour continuer.',
    forbidden: 'Vous n’avez pas le droit de faire cela.',
    csrf_failed: 'Votre session a expiré : rechargez la page.',
    verification_required: 'Vérifiez d’abord votre adresse e-mail ou votre téléphone.',
    vote_closed: 'Le vote sur ce scrutin est fermé.',
    conflict: 'Cette adresse est déjà utilisée.',
    already_verifies_another_account: 'Ce numéro vérifie déjà un autre compte.',
    provider_unavailable: 'Le service d’envoi est indisponible : réessayez plus tard.',
    not_found: 'Introuvable.',
    scrutin_not_found: 'Ce scrutin n’existe pas.',
    invalid_request: 'La demande est invalide ({{param}}).',
    payload_too_large: 'La demande est trop volumineuse.',
    internal: 'Erreur du serveur : réessayez plus tard.',
  },
});

export const shareEn: typeof shareFr = {
  pageTitle: {
    suffix: 'MaVoix · Parallel legislature',
    home: 'Home',
    scrutins: 'Find a vote',
    scrutin: 'Vote no. {{n}}',
    legislature: '{{n}}th legislature',
    account: 'My account',
    reset: 'New password',
    scenarios: 'Scenarios',
    notFound: 'Page not found',
  },
  breadcrumb: 'Breadcrumb',
  flip: {
    explain: 'The chance that the result flips if the {{k}} replaced deputies were drawn at random among the Assembly’s members, instead of being the best placed ones (K*).',
    methodLink: 'Method',
    methodTitle: 'How the flip probability is computed',
    method: 'Every possible draw of K deputies among the members in office on the day of the vote (vacant seats excluded) is counted exactly, each draw equally likely; in each, the drawn deputies give their seats to the MaVoix bloc, which votes as instructed. The probability is the share of draws in which the official result flips. The tipping point K* assumes instead that the deputies whose departure helps most are replaced first: that is why the probability can stay below 100% even when K ≥ K*.',
  },
  famous: {
    title: 'Votes that made the news',
    open: 'See the vote',
  },
  search: {
    hint: 'A word of the title, a subject (“retraites”), a government (“Barnier”), a group (“LIOT”), a number (1240) or an id (VTANR5L16V1240).',
  },
  unknownScrutin: {
    title: 'This vote does not exist',
    body: 'No vote has the id {{uid}} in our data.',
    search: 'Find a vote',
  },
  errors: {
    invalid_credentials: 'Wrong email or password.',
    too_many_requests: 'Too many requests: try again later.',
    too_many_requests_wait_one: 'Too many requests: try again in {{count}} second.',
    too_many_requests_wait_other: 'Too many requests: try again in {{count}} seconds.',
    too_many_requests_wait_minutes_one: 'Too many requests: try again in {{count}} minute.',
    too_many_requests_wait_minutes_other: 'Too many requests: try again in {{count}} minutes.',
    invalid_code: 'This code is wrong or has expired.',
    unauthorized: 'Sign in to continue.',
    forbidden: 'You are not allowed to do that.',
    csrf_failed: 'Your session has expired: reload the page.',
    verification_required: 'Verify your email address or phone first.',
    vote_closed: 'Voting on this scrutin is closed.',
    conflict: 'This address is already in use.',
    already_verifies_another_account: 'This number already verifies another account.',
    provider_unavailable: 'The sending service is unavailable: try again later.',
    not_found: 'Not found.',
    scrutin_not_found: 'This vote does not exist.',
    invalid_request: 'The request is invalid ({{param}}).',
    payload_too_large: 'The request is too large.',
    internal: 'Server error: try again later.',
  },
};
