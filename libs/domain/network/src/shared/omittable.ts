// One implementation for every domain; kept here so the network's imports stay as they are.
export { Omittable } from '@lahde/platform/database';
