import { Field, Int } from '@nestjs/graphql';

/** `version` of a record that edits are checked against (see database/versioned-update.ts). */
export const VersionField = () =>
  Field(() => Int, { description: 'Raised by every edit; send it back with the next one.' });

/** The version an edit was made from, in an update input. */
export const ExpectedVersionField = () =>
  Field(() => Int, {
    nullable: true,
    description:
      'The version you loaded: when another edit came first, the update is CONFLICT and changes nothing.',
  });
