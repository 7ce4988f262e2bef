import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { gqlLoad } from '$lib/graphql/gql.server';
import { SeminarQuery } from '$lib/seminars/operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { seminar } = await gqlLoad(event, SeminarQuery, { id: event.params.id });
  if (!seminar) error(404, { message: 'Séminaire introuvable.', code: 'NOT_FOUND' });
  // The code is shown to the seminar's facilitators (and participants), never to anonymous visitors.
  const code = seminar.viewerJoinCode;
  const joinUrl = code ? `${event.url.origin}/seminaires/rejoindre?code=${encodeURIComponent(code)}` : null;
  // Generated here, as SVG markup: no image service, nothing downloaded.
  const qrSvg = joinUrl ? await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
  const requested = event.url.searchParams.get('atelier');
  const workshop = seminar.workshops.find((w) => w.id === requested) ?? seminar.workshops.find((w) => w.state === 'OPEN') ?? seminar.workshops[0] ?? null;
  return { seminar, joinUrl, qrSvg, workshopId: workshop?.id ?? null };
};
