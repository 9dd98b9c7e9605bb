import { CapacityResponseSchema } from '@parallele/core';
import { get } from '../../lib/api';

export const fetchCapacity = () => get(CapacityResponseSchema, '/capacity');
