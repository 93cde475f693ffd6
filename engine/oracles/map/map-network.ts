/** A network as the map and network-list answers name it (ID 0: the Global Default Network). */
export interface MapNetwork {
  id: number;
  name: string;
}
