import type { AppDeps } from '../../deps';
import { parseRoomsConfig, roomLimits, socketLimiter, type RoomsConfig } from './limits';
import { createRoomsService, type RoomsService } from './service';

/** The rooms feature as built once by boot(): the service, its settings and its rate limiters. */
export interface Rooms {
  config: RoomsConfig;
  service: RoomsService;
  limits: ReturnType<typeof roomLimits>;
  socketLimit: ReturnType<typeof socketLimiter>;
}

export function createRooms(deps: Pick<AppDeps, 'db' | 'now'>, options: { env?: Record<string, string | undefined> } = {}): Rooms {
  const config = parseRoomsConfig(options.env ?? process.env);
  return { config, service: createRoomsService({ db: deps.db, now: () => deps.now() }), limits: roomLimits(config), socketLimit: socketLimiter(config, () => deps.now().getTime()) };
}

const lazily = new WeakMap<AppDeps, Rooms>();
/** The app's rooms (boot builds them; an app built by a test gets them on first use). */
export function roomsOf(deps: AppDeps): Rooms {
  if (deps.rooms) return deps.rooms;
  let rooms = lazily.get(deps);
  if (!rooms) {
    rooms = createRooms(deps);
    lazily.set(deps, rooms);
  }
  return rooms;
}
