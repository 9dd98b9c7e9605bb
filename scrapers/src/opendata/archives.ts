/**
 * Where the AN publishes its open data (data.assemblee-nationale.fr, "Licence Ouverte"). The base
 * URL is configurable (a mirror, or a local test server); the paths below it are the portal's.
 */
export const DEFAULT_OPENDATA_BASE_URL = 'https://data.assemblee-nationale.fr/static/openData/repository';

export interface ArchiveSpec {
  /** `amo`: deputies in office, their mandates and organes (AMO10); `scrutins`: every vote. */
  key: 'amo' | 'scrutins' | 'agenda';
  name: string;
  url: string;
}

/** The archives of one legislature, in import order: the referentials first, then the votes. */
export function openDataArchives(legislature: number, baseUrl: string = DEFAULT_OPENDATA_BASE_URL): ArchiveSpec[] {
  const base = `${baseUrl.replace(/\/$/, '')}/${legislature}`;
  // The 15th legislature's archive carries a suffix; later ones do not.
  const scrutins = legislature === 15 ? 'Scrutins_XV.json.zip' : 'Scrutins.json.zip';
  const amo = 'AMO10_deputes_actifs_mandats_actifs_organes.json.zip';
  const archives: ArchiveSpec[] = [
    { key: 'amo', name: amo, url: `${base}/amo/deputes_actifs_mandats_actifs_organes/${amo}` },
    { key: 'scrutins', name: scrutins, url: `${base}/loi/scrutins/${scrutins}` },
  ];
  // The agenda (réunions: séances publiques and their points), one JSON file per réunion from the
  // 16th legislature on; last, so the questions are linked once the votes are in.
  if (legislature >= 16) archives.push({ key: 'agenda', name: 'Agenda.json.zip', url: `${base}/vp/reunions/Agenda.json.zip` });
  return archives;
}
