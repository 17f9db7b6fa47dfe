// A plausible Vietnamese full name for a key (an account, a signer), the same for the same key.
import { createRandom } from "./random.ts";
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
} from "./vietnamese-names.ts";

export function personName(key: string): string {
  const random = createRandom(`person/${key}`);
  const female = random.chance(0.45);
  return [
    random.pick(FAMILY_NAMES),
    random.pick(female ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE),
    random.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE),
  ].join(" ");
}
