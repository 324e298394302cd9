import { useMutation, useQuery } from '@apollo/client/react';
import { createAuditSchema, validate } from '@rapport/domain';
import {
  Badge,
  Button,
  Card,
  CheckboxField,
  EmptyState,
  ErrorState,
  FieldError,
  FormError,
  LoadingState,
  PageHeader,
  TextAreaField,
  TextField,
} from '@rapport/ui';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '~/app/errors';
import { CHANNEL_LABELS, STAGE_LABELS } from '~/app/labels';
import { useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import { AuditLink } from '../components/AuditLink';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { AuditTouchpointsDocument, CreateAuditDocument } from '../graphql/audits.graphql';
import '../audits.css';

type Runner = 'member' | 'outsider';
const FIELDS = ['title', 'scenario', 'touchpointIds', 'auditorName', 'external'];

/** Plan an audit: the scenario, the touchpoints in order, and who walks it. */
export function NewAuditPage() {
  useDocumentTitle('New audit');
  const member = useMember();
  const navigate = useNavigate();
  const catalogue = useQuery(AuditTouchpointsDocument, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreateAuditDocument);
  const idempotency = useIdempotencyKey();
  const [title, setTitle] = useState('');
  const [scenario, setScenario] = useState('');
  const [touchpointIds, setTouchpointIds] = useState<string[]>([]);
  const [auditorName, setAuditorName] = useState('');
  const [runner, setRunner] = useState<Runner | null>(null);
  const [created, setCreated] = useState<{ id: string; inviteUrl: string; title: string } | null>(null);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    (path) => {
      const field = path.split('.')[0] ?? path;
      return FIELDS.includes(field) ? field : null;
    },
  );

  const touchpoints = catalogue.data?.touchpoints;
  // Moments of truth first: they are where customers make up their minds.
  const suggested = useMemo(() => (touchpoints ?? []).filter((t) => t.momentOfTruth), [touchpoints]);
  const others = useMemo(() => (touchpoints ?? []).filter((t) => !t.momentOfTruth), [touchpoints]);
  const byId = useMemo(() => new Map((touchpoints ?? []).map((t) => [t.id, t])), [touchpoints]);

  const toggle = (id: string, checked: boolean) => {
    setTouchpointIds((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)));
    clearField('touchpointIds');
  };
  const move = (index: number, by: -1 | 1) => {
    setTouchpointIds((ids) => {
      const next = [...ids];
      const [item] = next.splice(index, 1);
      if (item !== undefined) next.splice(index + by, 0, item);
      return next;
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createAuditSchema, {
      title,
      scenario,
      touchpointIds,
      auditorName,
      external: runner === null ? undefined : runner === 'outsider',
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const result = await create({ variables: { input: idempotency.withKey(checked.value) } });
      const audit = result.data?.createAudit;
      if (!audit) return;
      idempotency.reset();
      if (audit.external && audit.inviteUrl)
        setCreated({ id: audit.id, inviteUrl: audit.inviteUrl, title: audit.title });
      else void navigate(`/audits/${audit.id}/run`);
    } catch (error) {
      showError(error);
    }
  };

  const header = (
    <PageHeader
      eyebrow={<Link to="/audits">← Audits</Link>}
      title="New audit"
      description="Walk your business as a customer would: pick a scenario and the touchpoints to visit, in order."
    />
  );

  if (created) {
    return (
      <div className="audit-builder">
        {header}
        <Card title={`“${created.title}” is ready`}>
          <AuditLink auditId={created.id} url={created.inviteUrl} />
        </Card>
      </div>
    );
  }

  const renderOption = (t: NonNullable<typeof touchpoints>[number]) => (
    <li key={t.id}>
      <CheckboxField
        name="touchpointIds"
        value={t.id}
        checked={touchpointIds.includes(t.id)}
        onChange={(e) => toggle(t.id, e.target.checked)}
        aria-invalid={fieldErrors.touchpointIds ? true : undefined}
        label={
          <>
            {t.name}
            {t.momentOfTruth && (
              <>
                {' '}
                <Badge tone="warning">Moment of truth</Badge>
              </>
            )}
          </>
        }
        hint={`${CHANNEL_LABELS[t.channel]} · ${STAGE_LABELS[t.stage].label}`}
      />
    </li>
  );

  let picker: ReactNode;
  if (!touchpoints && catalogue.loading) picker = <LoadingState compact label="Loading touchpoints…" />;
  else if (!touchpoints) {
    picker = (
      <ErrorState
        compact
        title="Could not load touchpoints"
        message={catalogue.error ? describeError(catalogue.error).message : undefined}
        onRetry={() => void catalogue.refetch()}
      />
    );
  } else if (touchpoints.length === 0) {
    picker = (
      <EmptyState
        compact
        title="No touchpoints yet"
        description="An audit visits your touchpoints. Map them first."
        action={<Link to="/touchpoints">Go to touchpoints</Link>}
      />
    );
  } else {
    picker = (
      <div className="audit-builder__catalogue">
        {suggested.length > 0 && (
          <>
            <h3 className="audit-builder__group">Suggested: moments of truth</h3>
            <ul className="audit-builder__options">{suggested.map(renderOption)}</ul>
          </>
        )}
        {others.length > 0 && (
          <>
            <h3 className="audit-builder__group">
              {suggested.length > 0 ? 'Other touchpoints' : 'Touchpoints'}
            </h3>
            <ul className="audit-builder__options">{others.map(renderOption)}</ul>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="audit-builder">
      {header}
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack">
        <FormError message={formError} />
        <Card title="The scenario">
          <div className="form-stack">
            <TextField
              label="Title"
              name="title"
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                clearField('title');
              }}
              error={fieldErrors.title}
            />
            <TextAreaField
              label="Scenario"
              name="scenario"
              rows={3}
              hint="What the auditor sets out to do, as a customer: “Book a repair by phone, then pick it up in store”."
              value={scenario}
              onChange={(e) => {
                setScenario(e.target.value);
                clearField('scenario');
              }}
              error={fieldErrors.scenario}
            />
          </div>
        </Card>
        <Card
          title="Touchpoints to visit"
          description="Tick them, then put them in the order a customer meets them."
        >
          <div className="form-stack">
            {touchpointIds.length > 0 && (
              <ol className="audit-builder__steps" aria-label="Steps, in order">
                {touchpointIds.map((id, i) => {
                  const t = byId.get(id);
                  const name = t?.name ?? 'Touchpoint';
                  return (
                    <li key={id} className="audit-builder__step">
                      <span className="audit-builder__step-name">
                        {i + 1}. {name}
                        {t?.momentOfTruth && <Badge tone="warning">Moment of truth</Badge>}
                      </span>
                      <span className="audit-builder__step-actions">
                        <Button
                          variant="ghost"
                          size="sm"
                          disabled={i === 0}
                          onClick={() => move(i, -1)}
                          aria-label={`Move ${name} up`}
                        >
                          ↑
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          disabled={i === touchpointIds.length - 1}
                          onClick={() => move(i, 1)}
                          aria-label={`Move ${name} down`}
                        >
                          ↓
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          onClick={() => toggle(id, false)}
                          aria-label={`Remove ${name}`}
                        >
                          Remove
                        </Button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            )}
            <fieldset
              className="audit-builder__fieldset"
              aria-describedby={fieldErrors.touchpointIds ? 'touchpointIds-error' : undefined}
            >
              <legend className="rp-visually-hidden">Touchpoints to visit</legend>
              {picker}
            </fieldset>
            <FieldError error={fieldErrors.touchpointIds} id="touchpointIds-error" />
          </div>
        </Card>
        <Card title="The auditor">
          <div className="form-stack">
            <ChoiceGroup<Runner>
              name="external"
              legend="Who runs it"
              options={[
                { value: 'member', label: 'Me', description: 'I walk it in the app' },
                { value: 'outsider', label: 'An outsider, by link', description: 'No account needed' },
              ]}
              value={runner}
              onChange={(v) => {
                setRunner(v);
                clearField('external');
                if (v === 'member' && !auditorName.trim()) setAuditorName(member.name);
                if (v === 'outsider' && auditorName === member.name) setAuditorName('');
              }}
              error={fieldErrors.external}
              className="choice-group--big"
            />
            <TextField
              label="Auditor's name"
              name="auditorName"
              value={auditorName}
              onChange={(e) => {
                setAuditorName(e.target.value);
                clearField('auditorName');
              }}
              error={fieldErrors.auditorName}
            />
          </div>
        </Card>
        <div className="form-actions">
          <Link to="/audits" className="audit-builder__cancel">
            Cancel
          </Link>
          <Button type="submit" loading={creating}>
            Create audit
          </Button>
        </div>
      </form>
    </div>
  );
}
