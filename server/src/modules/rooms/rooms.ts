import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { roomLimits, socketLimiter } from './limits';
import { createRoomsService, type RoomsService } from './service';
import type { Catalogue } from './deck';

/** The rooms feature as built once by buildAppDeps(): the service and its rate limiters. */
export interface Rooms {
  service: RoomsService;
  limits: ReturnType<typeof roomLimits>;
  socketLimit: ReturnType<typeof socketLimiter>;
}

export function createRooms(deps: { config: Config; db: Db; now: () => Date; catalogue?: Catalogue; limiterStores?: Parameters<typeof roomLimits>[1] }): Rooms {
  const { config, db, now } = deps;
  return {
    service: createRoomsService({ db, now, catalogue: deps.catalogue }),
    limits: roomLimits(config, deps.limiterStores),
    socketLimit: socketLimiter(config, () => now().getTime()),
  };
}
