import { z } from 'zod';
import {
  MyProfileResponseSchema, PastVoteSchema, ProfileSchema, RepresentativitySchema,
  type ProfileVariable, type PutPastVoteBody, type PutProfileBody,
} from '@parallele/core';
import { get, send } from '../../lib/api';
import { ensureCsrf } from '../account';

const Empty = z.unknown();

export const fetchMyProfile = () => get(MyProfileResponseSchema, '/me/profile');
export const saveProfile = async (body: PutProfileBody) => {
  await ensureCsrf();
  return send(ProfileSchema, 'PUT', '/me/profile', body);
};
export const deleteProfile = async () => {
  await ensureCsrf();
  await send(Empty, 'DELETE', '/me/profile');
};
export const savePastVote = async (body: PutPastVoteBody) => {
  await ensureCsrf();
  return send(PastVoteSchema, 'PUT', '/me/profile/past-vote', body);
};
export const deletePastVote = async () => {
  await ensureCsrf();
  await send(Empty, 'DELETE', '/me/profile/past-vote');
};

/** `uid` null: the whole platform. */
export const fetchRepresentativity = (uid: string | null, variables: readonly ProfileVariable[]) =>
  get(RepresentativitySchema, uid === null ? '/representativity' : `/scrutins/${encodeURIComponent(uid)}/representativity`, { variables: variables.join(',') });
