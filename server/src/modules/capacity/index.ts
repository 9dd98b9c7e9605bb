/** The capacity module's public entry (issue 14: "Coûts et capacité"). */
export { createCapacityService, type CapacityService } from './service';
export { capacityRepository } from './repository';
