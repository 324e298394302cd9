import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { createCustomerSchema, updateCustomerSchema, validate } from '@rapport/domain';
import { Button, Card, FormError, SelectField, TagInput, TextAreaField, TextField } from '@rapport/ui';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useMember } from '~/app/session';
import { useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import type { CustomerDetailFragment } from '~/gql/graphql';
import {
  CreateCustomerDocument,
  CustomerDocument,
  UpdateCustomerDocument,
} from '../graphql/customers.graphql';
import {
  type CustomerFormValues,
  customerFieldFor,
  customerToValues,
  emptyCustomerValues,
  valuesToInput,
} from './customer-form-values';
import { ProfileFactsEditor } from './ProfileFactsEditor';

export interface CustomerFormProps {
  /** The customer to edit; without it the form creates one. */
  customer?: CustomerDetailFragment;
  onSaved: (customer: CustomerDetailFragment) => void;
  onCancel: () => void;
}

/** Lists of customers may now be stale (a new name, a changed tag): drop them so they reload. */
export function evictCustomerLists(cache: ApolloCache) {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
  cache.gc();
}

export function CustomerForm({ customer, onSaved, onCancel }: CustomerFormProps) {
  const member = useMember();
  const defaultCadence = member.workspace.defaultCadenceDays;
  const [values, setValues] = useState<CustomerFormValues>(() =>
    customer ? customerToValues(customer) : emptyCustomerValues(member.id),
  );
  // The fact rows last sent, so errors on `profileFacts.<i>` land beside the right row.
  const keptFacts = useRef(values.facts);
  // The version the form was filled from: an edit made meanwhile by someone else makes ours stale.
  const version = useRef(customer?.version);
  const { formRef, fieldErrors, formError, stale, showFieldErrors, showError, clearErrors, clearField } =
    useFormErrors((path) => customerFieldFor(keptFacts.current)(path));
  const client = useApolloClient();
  const members = useQuery(MembersDocument);
  const [createCustomer, created] = useMutation(CreateCustomerDocument, { update: evictCustomerLists });
  const [updateCustomer, updated] = useMutation(UpdateCustomerDocument, { update: evictCustomerLists });
  const idempotency = useIdempotencyKey();
  const saving = created.loading || updated.loading;

  const ownerOptions = useMemo(() => {
    const people = new Map<string, string>();
    for (const m of members.data?.members ?? []) people.set(m.id, m.name);
    people.set(member.id, people.get(member.id) ?? member.name);
    if (customer?.owner) people.set(customer.owner.id, people.get(customer.owner.id) ?? customer.owner.name);
    return [
      { value: '', label: 'No owner' },
      ...[...people].map(([id, name]) => ({ value: id, label: id === member.id ? `${name} (you)` : name })),
    ];
  }, [members.data, member, customer]);

  const set =
    <K extends keyof CustomerFormValues>(field: K) =>
    (value: CustomerFormValues[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      clearField(field);
    };
  const text = (field: 'name' | 'company' | 'email' | 'phone' | 'notes' | 'ownerId' | 'cadenceDays') => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => set(field)(event.target.value),
    error: fieldErrors[field],
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, keptFacts: kept } = valuesToInput(values);
    keptFacts.current = kept;
    try {
      if (customer) {
        const checked = validate(updateCustomerSchema, input);
        if (!checked.ok) return showFieldErrors(checked.fields);
        const { data } = await updateCustomer({
          variables: { id: customer.id, input: { ...checked.value, version: version.current } },
        });
        if (data) onSaved(data.updateCustomer);
      } else {
        const checked = validate(createCustomerSchema, input);
        if (!checked.ok) return showFieldErrors(checked.fields);
        const { data } = await createCustomer({ variables: { input: idempotency.withKey(checked.value) } });
        if (data) {
          idempotency.reset();
          onSaved(data.createCustomer);
        }
      }
    } catch (error) {
      showError(error);
    }
  };

  /** After a stale edit: the customer as it is now, in the form, ready to edit again. */
  const reload = async () => {
    if (!customer) return;
    const { data } = await client.query({
      query: CustomerDocument,
      variables: { id: customer.id },
      fetchPolicy: 'network-only',
    });
    if (!data?.customer) return;
    version.current = data.customer.version;
    setValues(customerToValues(data.customer));
    clearErrors();
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack customer-form">
      <FormError
        message={formError}
        action={
          stale && (
            <Button size="sm" variant="secondary" onClick={() => void reload()}>
              Reload the latest
            </Button>
          )
        }
      />
      <Card title="Contact" headingLevel={2}>
        <div className="form-grid">
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            {...text('name')}
            className="form-grid__wide"
          />
          <TextField label="Company" name="company" optional autoComplete="off" {...text('company')} />
          <TextField
            label="Email"
            name="email"
            type="email"
            inputMode="email"
            optional
            autoComplete="off"
            {...text('email')}
          />
          <TextField label="Phone" name="phone" type="tel" optional autoComplete="off" {...text('phone')} />
        </div>
      </Card>
      <Card title="Relationship">
        <div className="form-grid">
          <SelectField
            label="Relationship owner"
            name="ownerId"
            hint="The team member who keeps in touch with this client."
            options={ownerOptions}
            {...text('ownerId')}
          />
          <TextField
            label="Check-in cadence (days)"
            name="cadenceDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            optional
            placeholder={String(defaultCadence)}
            hint={`How often to check in without selling. Blank uses the workspace default (${defaultCadence} days).`}
            {...text('cadenceDays')}
          />
          <TagInput
            label="Tags"
            optional
            className="form-grid__wide"
            value={values.tags}
            onChange={set('tags')}
            normalize={(tag) => tag.toLowerCase()}
            placeholder="Type a tag and press Enter"
            hint="For example: vip, wholesale, newsletter."
            error={fieldErrors.tags}
          />
        </div>
      </Card>
      <Card title="Notes and profile">
        <div className="form-stack">
          <TextAreaField label="Notes" name="notes" optional rows={4} {...text('notes')} />
          <ProfileFactsEditor
            rows={values.facts}
            onChange={(facts) => setValues((v) => ({ ...v, facts }))}
            errors={fieldErrors}
            onEdit={clearField}
          />
        </div>
      </Card>
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {customer ? 'Save changes' : 'Create customer'}
        </Button>
      </div>
    </form>
  );
}
