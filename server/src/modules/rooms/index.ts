/** The rooms module's public entry: what boot, the socket layer and other modules may use. */
export { createRooms, type Rooms } from './rooms';
export { type RoomChange, type RoomsService } from './service';
export { toRoomProblem } from './problems';
