import { useMutation, useQuery } from '@apollo/client/react';
import { MAX_CHECK_IN_PLANNING_DAYS, scheduleCheckInSchema, validate } from '@rapport/domain';
import { Button, FormError, SelectField, TextAreaField, TextField } from '@rapport/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useMember } from '~/app/session';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import type { CheckInFieldsFragment } from '~/gql/graphql';
import { ScheduleCheckInDocument } from '../graphql/check-ins.graphql';

/** When a check-in planned for a day is due, unless a time is given: the start of the working day. */
export const DEFAULT_CHECK_IN_TIME = '09:00';

export interface PlanCheckInFormProps {
  customerId: string;
  /** The customer's relationship owner: the assignee chosen at first. */
  owner: { id: string; name: string } | null;
  onPlanned: (checkIn: CheckInFieldsFragment) => void;
  onCancel: () => void;
  /** "Now", for the one-year limit; tests pass a fixed one. */
  now?: Date;
}

/** `yyyy-mm-dd` of a date in local time, as `<input type="date">` takes it. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The instant of a local day and time, as ISO 8601; undefined without a day, the raw text when invalid. */
export function dueAtOf(day: string, time: string): string | undefined {
  if (!day) return undefined;
  const local = `${day}T${time || DEFAULT_CHECK_IN_TIME}`;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** Plans a check-in with the customer: when, who does it, and an optional note. */
export function PlanCheckInForm({ customerId, owner, onPlanned, onCancel, now }: PlanCheckInFormProps) {
  const member = useMember();
  const [day, setDay] = useState('');
  const [time, setTime] = useState(DEFAULT_CHECK_IN_TIME);
  const [assigneeId, setAssigneeId] = useState(owner?.id ?? member.id);
  const [note, setNote] = useState('');
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields('dueAt', 'assigneeId', 'note'),
  );
  const members = useQuery(MembersDocument);
  const [schedule, scheduling] = useMutation(ScheduleCheckInDocument);
  const idempotency = useIdempotencyKey();

  const assigneeOptions = useMemo(() => {
    const people = new Map<string, string>();
    for (const m of members.data?.members ?? []) people.set(m.id, m.name);
    // Me and the owner are always offered, even before (or without) the member list.
    people.set(member.id, people.get(member.id) ?? member.name);
    if (owner) people.set(owner.id, people.get(owner.id) ?? owner.name);
    return [...people].map(([id, name]) => ({
      value: id,
      label: [name, id === member.id && '(you)', id === owner?.id && '(owner)'].filter(Boolean).join(' '),
    }));
  }, [members.data, member, owner]);

  const latestDay = localDay(
    new Date((now ?? new Date()).getTime() + (MAX_CHECK_IN_PLANNING_DAYS - 1) * 86_400_000),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      customerId,
      dueAt: dueAtOf(day, time),
      assigneeId: assigneeId || null,
      note: note.trim() || null,
    };
    const checked = validate(scheduleCheckInSchema(now ?? new Date()), input);
    if (!checked.ok) {
      return showFieldErrors(day ? checked.fields : { ...checked.fields, dueAt: 'Choose a date' });
    }
    try {
      const { data } = await schedule({
        variables: { input: idempotency.withKey({ ...input, dueAt: checked.value.dueAt.toISOString() }) },
      });
      if (data) {
        idempotency.reset();
        onPlanned(data.scheduleCheckIn);
      }
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-stack check-in-form plan-check-in"
      aria-label="Plan a check-in"
    >
      <FormError message={formError} />
      <div className="form-grid">
        <TextField
          label="Due date"
          name="dueDate"
          type="date"
          max={latestDay}
          // The form opens because someone wants to plan: the date is the one thing they must give.
          autoFocus
          value={day}
          onChange={(e) => {
            setDay(e.target.value);
            clearField('dueAt');
          }}
          error={fieldErrors.dueAt}
        />
        <TextField
          label="Time"
          name="dueTime"
          type="time"
          optional
          hint={`Blank means ${DEFAULT_CHECK_IN_TIME}.`}
          value={time}
          onChange={(e) => {
            setTime(e.target.value);
            clearField('dueAt');
          }}
        />
      </div>
      <SelectField
        label="Who checks in"
        name="assigneeId"
        options={assigneeOptions}
        hint={
          members.loading
            ? 'Loading your team…'
            : members.error
              ? 'Could not load your team: you can pick yourself or the owner.'
              : undefined
        }
        value={assigneeId}
        onChange={(e) => {
          setAssigneeId(e.target.value);
          clearField('assigneeId');
        }}
        error={fieldErrors.assigneeId}
      />
      <TextAreaField
        label="Note"
        name="note"
        optional
        rows={2}
        placeholder="What to ask about?"
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          clearField('note');
        }}
        error={fieldErrors.note}
      />
      <div className="form-actions">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={scheduling.loading}>
          Plan check-in
        </Button>
      </div>
    </form>
  );
}
