import {
  CreateRoomResponseSchema, FacilitatorKeyResponseSchema, JoinRoomResponseSchema, MyRoomsResponseSchema, RoomScenarioListResponseSchema, PackListResponseSchema, RoomViewSchema, ScrutinListResponseSchema,
  type CreateRoomBody, type RoomAction, type VoteBody,
} from '@parallele/core';
import { z } from 'zod';
import { get, http, request, toApiError } from '../../lib/api';

/** The rooms' HTTP calls; who asks is said by the Bearer token (facilitator key or participant token). */
const auth = (token?: string) => (token ? { Authorization: `Bearer ${token}` } : {});

export const fetchPacks = () => get(PackListResponseSchema, '/rooms/packs');
export const fetchRoomScenarios = () => get(RoomScenarioListResponseSchema, '/rooms/scenarios');
export const searchScrutins = (q: string) => get(ScrutinListResponseSchema, '/scrutins', { q, legislature: 17, pageSize: 8 });
export const createRoom = (body: CreateRoomBody) => request(CreateRoomResponseSchema, { method: 'POST', url: '/rooms', data: body });
export const joinRoom = (code: string, pseudonym: string) => request(JoinRoomResponseSchema, { method: 'POST', url: `/rooms/${code}/participants`, data: { pseudonym } });
export const fetchView = (code: string, token?: string, recap?: string) => request(RoomViewSchema, { method: 'GET', url: `/rooms/${code}`, params: recap ? { recap } : undefined, headers: auth(token) });
export const castVote = (code: string, token: string, index: number, body: VoteBody) => request(RoomViewSchema, { method: 'PUT', url: `/rooms/${code}/questions/${index}/vote`, data: body, headers: auth(token) });
export const chooseTeam = (code: string, token: string, teamId: string) => request(RoomViewSchema, { method: 'PUT', url: `/rooms/${code}/participants/me/team`, data: { teamId }, headers: auth(token) });
export const roomAction = (code: string, key: string, action: RoomAction) => request(RoomViewSchema, { method: 'POST', url: `/rooms/${code}/actions`, data: action, headers: auth(key) });
export const fetchMyRooms = () => get(MyRoomsResponseSchema, '/me/rooms');
export const takeBackConsole = (code: string) => request(FacilitatorKeyResponseSchema, { method: 'POST', url: `/me/rooms/${code}/facilitator-key` });
export const deleteRoom = (code: string, key: string) => request(z.unknown(), { method: 'DELETE', url: `/rooms/${code}`, headers: auth(key) });

/** CSV / HTML downloads need the key in a header, so they go through a blob rather than a plain link. */
export async function download(code: string, key: string, file: 'export.csv' | 'report.html') {
  try {
    const res = await http.get<Blob>(`/rooms/${code}/${file}`, { headers: auth(key), responseType: 'blob' });
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `salle-${code}.${file.split('.')[1]}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    throw toApiError(e);
  }
}
