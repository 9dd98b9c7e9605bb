import { frenchTree } from '../../i18n/typography';

/**
 * Texts of the assemblies feature (issue 15: data quality, European Parliament, elections, local
 * councils), merged into the app's resources under `assemblies.` by one line of i18n/index.ts.
 */
export const assembliesFr = frenchTree({
  quality: {
    title: 'Qualité des données',
    unattributed_one:
      'La ventilation par groupe publiée ne couvre pas tout le décompte officiel : {{count}} vote ({{pour}} pour, {{contre}} contre, {{abstentions}} abstention) n’est attribué à aucun groupe. Il apparaît comme « non attribués » ; le résultat officiel reste celui de la synthèse du scrutin.',
    unattributed_other:
      'La ventilation par groupe publiée ne couvre pas tout le décompte officiel : {{count}} votes ({{pour}} pour, {{contre}} contre, {{abstentions}} abstentions) ne sont attribués à aucun groupe. Ils apparaissent comme « non attribués » ; le résultat officiel reste celui de la synthèse du scrutin.',
  },
  assembly: {
    label: 'Assemblée',
    an: 'Assemblée nationale',
    ep: 'Parlement européen',
    epSource: 'Voir sur HowTheyVote.eu',
    epAttribution: 'Données : HowTheyVote.eu (ODbL), d’après les résultats des votes par appel nominal du Parlement européen.',
    epRule: 'Majorité simple des suffrages exprimés (plus de pour que de contre)',
    epDelegation: 'Les K eurodéputé·es MaVoix remplacent par défaut autant d’élu·es de la délégation française (81 sièges), à proportion de ses groupes.',
  },
  election: {
    title: 'Élection du président ou de la présidente de l’Assemblée',
    choose: 'Élection',
    round: 'Tour {{n}}',
    rule3: 'majorité relative',
    rule12: 'majorité absolue des suffrages exprimés',
    candidate: 'Candidat·e',
    votes: 'Voix',
    blank: 'Blancs ou nuls',
    exprimes: 'Suffrages exprimés',
    required: 'Majorité requise',
    elected: 'Élu·e : {{name}}',
    nobody: 'Personne n’est élu à ce tour',
    gap: 'Données manquantes : {{what}}',
    source: 'Source',
    yourVote: 'Votre voix à ce tour',
    voteFor: 'Voter pour {{name}}',
    voteBlank: 'Voter blanc',
    yourChoice: 'Votre choix : {{name}}',
    platform: 'Répartition de la plateforme',
    k: 'K député·es MaVoix',
    parallel: 'Résultat parallèle',
    sameWinner: 'Même résultat : rien ne change.',
    otherWinner: 'Autre élu·e : {{name}}.',
    otherRound_one: 'Personne n’aurait été élu : un tour de plus.',
    otherRound_other: 'Personne n’aurait été élu : un tour de plus.',
    electedNow: '{{name}} aurait été élu·e dès ce tour.',
    noVotes: 'Aucune voix citoyenne encore : la répartition est égale entre les candidat·es.',
  },
  council: {
    title: 'Conseils locaux',
    fictional: 'Exemple fictif',
    seats: '{{count}} sièges',
    deliberations: 'Délibérations',
    official: 'Résultat officiel',
    vote: 'Votre vote',
    simulate: 'Avec {{k}} élu·es MaVoix',
  },
});

export const assembliesEn: typeof assembliesFr = {
  quality: {
    title: 'Data quality',
    unattributed_one:
      'The published group breakdown does not cover the whole official count: {{count}} vote ({{pour}} for, {{contre}} against, {{abstentions}} abstention) is not attributed to any group. It is shown as “not attributed”; the official result remains that of the vote summary.',
    unattributed_other:
      'The published group breakdown does not cover the whole official count: {{count}} votes ({{pour}} for, {{contre}} against, {{abstentions}} abstentions) are not attributed to any group. They are shown as “not attributed”; the official result remains that of the vote summary.',
  },
  assembly: {
    label: 'Assembly',
    an: 'National Assembly',
    ep: 'European Parliament',
    epSource: 'See on HowTheyVote.eu',
    epAttribution: 'Data: HowTheyVote.eu (ODbL), from the European Parliament’s roll-call vote results.',
    epRule: 'Simple majority of the votes cast (more for than against)',
    epDelegation: 'By default the K MaVoix MEPs replace as many members of the French delegation (81 seats), in proportion to its groups.',
  },
  election: {
    title: 'Election of the President of the Assembly',
    choose: 'Election',
    round: 'Round {{n}}',
    rule3: 'relative majority',
    rule12: 'absolute majority of the votes cast',
    candidate: 'Candidate',
    votes: 'Votes',
    blank: 'Blank or spoilt',
    exprimes: 'Votes cast',
    required: 'Majority required',
    elected: 'Elected: {{name}}',
    nobody: 'Nobody is elected in this round',
    gap: 'Missing data: {{what}}',
    source: 'Source',
    yourVote: 'Your vote in this round',
    voteFor: 'Vote for {{name}}',
    voteBlank: 'Vote blank',
    yourChoice: 'Your choice: {{name}}',
    platform: 'Platform split',
    k: 'K MaVoix deputies',
    parallel: 'Parallel result',
    sameWinner: 'Same result: nothing changes.',
    otherWinner: 'Another winner: {{name}}.',
    otherRound_one: 'Nobody would have been elected: one more round.',
    otherRound_other: 'Nobody would have been elected: one more round.',
    electedNow: '{{name}} would have been elected in this round.',
    noVotes: 'No citizen vote yet: the split is even between the candidates.',
  },
  council: {
    title: 'Local councils',
    fictional: 'Fictional example',
    seats: '{{count}} seats',
    deliberations: 'Deliberations',
    official: 'Official result',
    vote: 'Your vote',
    simulate: 'With {{k}} MaVoix councillors',
  },
};
