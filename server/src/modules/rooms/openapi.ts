import {
  CreateRoomBodySchema, CreateRoomResponseSchema, JoinRoomBodySchema, JoinRoomResponseSchema, PackListResponseSchema,
  RoomActionSchema, RoomCodeParamsSchema, RoomViewQuerySchema, RoomViewSchema, VoteBodySchema,
} from '@parallele/core';
import { z } from 'zod';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

/** OpenAPI paths of the rooms routes (routes.ts imports this file), from their contracts in core/src/contracts. */

const auth = { headers: z.object({ authorization: z.string().optional().describe('Bearer f_… (facilitator key) or Bearer p_… (participant token)') }) };
const tags = ['rooms'];
const withCode = { params: RoomCodeParamsSchema, ...auth };
registerRoute({ method: 'get', path: '/api/rooms/packs', tags, summary: 'The shipped question packs (data/packs/*.yaml)', responses: { 200: jsonResponse('Packs', PackListResponseSchema) } });
registerRoute({ method: 'post', path: '/api/rooms', tags, summary: 'Create a room from a deck (pack questions, scrutins, election rounds, custom questions): returns the join code and the secret facilitator link', request: { body: { content: { 'application/json': { schema: CreateRoomBodySchema } } } }, responses: { 201: jsonResponse('The room', CreateRoomResponseSchema), ...problemResponses(400, 429) } });
registerRoute({ method: 'get', path: '/api/rooms/{code}', tags, summary: 'The room as this viewer may see it: facilitator (its key), participant (its token), projector (no token) or recap (?recap=)', request: { ...withCode, query: RoomViewQuerySchema }, responses: { 200: jsonResponse('The view', RoomViewSchema), ...problemResponses(400, 403, 404, 410, 429) } });
registerRoute({ method: 'delete', path: '/api/rooms/{code}', tags, summary: 'Close and delete the room with all its data (facilitator)', request: withCode, responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) } });
registerRoute({ method: 'post', path: '/api/rooms/{code}/participants', tags, summary: 'Join with a pseudonym: returns the participant token (keep it on the device)', request: { params: RoomCodeParamsSchema, body: { content: { 'application/json': { schema: JoinRoomBodySchema } } } }, responses: { 201: jsonResponse('Joined', JoinRoomResponseSchema), ...problemResponses(400, 404, 409, 410, 429) } });
registerRoute({ method: 'post', path: '/api/rooms/{code}/participants/me', tags, summary: 'Come back with the participant token (same identity, same ballots)', request: withCode, responses: { 200: jsonResponse('The participant view', RoomViewSchema), ...problemResponses(401, 403, 404, 410) } });
registerRoute({ method: 'delete', path: '/api/rooms/{code}/participants/me', tags, summary: 'Leave the room (the token can rejoin)', request: withCode, responses: { 204: { description: 'Left' }, ...problemResponses(401, 403, 404, 409) } });
registerRoute({ method: 'put', path: '/api/rooms/{code}/questions/{i}/vote', tags, summary: 'A participant’s ballot (and prediction) on the current question, during the vote phase', request: { params: z.object({ code: z.string().describe('the join code'), i: z.string().regex(/^\d+$/).describe('the question index, from 0') }), ...auth, body: { content: { 'application/json': { schema: VoteBodySchema } } } }, responses: { 200: jsonResponse('The participant view', RoomViewSchema), ...problemResponses(400, 401, 403, 404, 409, 410, 429) } });
registerRoute({ method: 'post', path: '/api/rooms/{code}/actions', tags, summary: 'A facilitator action: advance, reveal, setTimer, setK, kick, setTeams, close', request: { ...withCode, body: { content: { 'application/json': { schema: RoomActionSchema } } } }, responses: { 200: jsonResponse('The facilitator view', RoomViewSchema), ...problemResponses(400, 401, 403, 404, 409, 410, 429) } });
registerRoute({ method: 'get', path: '/api/rooms/{code}/export.csv', tags, summary: 'The results per question, anonymous (facilitator or ?recap=)', request: { ...withCode, query: RoomViewQuerySchema }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses(401, 403, 404) } });
registerRoute({ method: 'get', path: '/api/rooms/{code}/report.html', tags, summary: 'A one-page report with the hemicycles as SVG (facilitator or ?recap=)', request: { ...withCode, query: RoomViewQuerySchema }, responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } }, ...problemResponses(401, 403, 404) } });
