import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Avatar,
  Badge,
  Button,
  buttonClassName,
  Card,
  EmptyState,
  ErrorState,
  HealthCard,
  LoadingState,
  PageHeader,
  TagList,
} from '@rapport/ui';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '~/app/errors';
import { formatDate, pluralize } from '~/app/labels';
import { useDocumentTitle } from '~/app/use-document-title';
import { CustomerCheckIns } from '~/features/check-ins/components/CustomerCheckIns';
import { AskForFeedback } from '~/features/feedback-requests/components/AskForFeedback';
import { CustomerFeedbackRequests } from '~/features/feedback-requests/components/CustomerFeedbackRequests';
import { CustomerHistory } from '~/features/history/components/CustomerHistory';
import { LogInteractionForm } from '~/features/interactions/components/LogInteractionForm';
import { Timeline } from '~/features/interactions/components/Timeline';
import { evictCustomerLists } from '../components/CustomerForm';
import { NextCheckIn } from '../components/NextCheckIn';
import { useRefreshCustomer } from '../components/use-refresh-customer';
import { ArchiveCustomerDocument, CustomerDocument } from '../graphql/customers.graphql';
import { CustomerNotFound } from './EditCustomerPage';

export function CustomerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(CustomerDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const [searchParams] = useSearchParams();
  // `?log=check-in` (the dashboard's one-tap "Log check-in") opens the quick log at once.
  const [logging, setLogging] = useState(searchParams.get('log') === 'check-in');
  const [notice, setNotice] = useState<string | null>(null);
  // The interaction just logged: the notice offers to ask for feedback about it.
  const [loggedId, setLoggedId] = useState<string | null>(null);
  // "Ask for feedback" open, optionally about an interaction.
  const [asking, setAsking] = useState<{ interactionId: string | null } | null>(null);
  const refresh = useRefreshCustomer(id);
  const [archive, archiving] = useMutation(ArchiveCustomerDocument, { update: evictCustomerLists });
  const customer = data?.customer;
  useDocumentTitle(customer?.name ?? 'Customer');

  if (!customer) {
    if (loading) return <LoadingState label="Loading customer…" />;
    if (error) {
      return (
        <ErrorState
          title="Could not load this customer"
          message={describeError(error).message}
          onRetry={() => void refetch()}
        />
      );
    }
    return <CustomerNotFound />;
  }

  const onArchive = async () => {
    try {
      await archive({ variables: { id: customer.id } });
      await navigate('/customers', { state: { notice: `${customer.name} was archived.` } });
    } catch {
      // The error is shown from `archiving.error` below.
    }
  };

  const archived = customer.status === 'ARCHIVED';
  const usesDefaultCadence = customer.ownCadenceDays === null;

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/customers">← Customers</Link>}
        title={
          <span className="customer-title">
            <Avatar name={customer.name} size="lg" />
            <span>{customer.name}</span>
            {archived && <Badge>Archived</Badge>}
          </span>
        }
        description={customer.company ?? undefined}
        actions={
          <>
            {!archived && !logging && (
              <Button
                onClick={() => {
                  setLogging(true);
                  setNotice(null);
                }}
              >
                Log interaction
              </Button>
            )}
            {!archived && (
              <Button
                variant="secondary"
                onClick={() => {
                  setAsking({ interactionId: null });
                  setNotice(null);
                }}
              >
                Ask for feedback
              </Button>
            )}
            <Link to={`/customers/${customer.id}/edit`} className={buttonClassName({ variant: 'secondary' })}>
              Edit
            </Link>
            {!archived && !confirmingArchive && (
              <Button variant="ghost" onClick={() => setConfirmingArchive(true)}>
                Archive
              </Button>
            )}
          </>
        }
      />
      {confirmingArchive && !archived && (
        <Alert tone="info" className="page-notice">
          <div className="confirm">
            <p>
              Archive <strong>{customer.name}</strong>? They will leave the customer list and reminders. Their
              history is kept.
            </p>
            <div className="confirm__actions">
              <Button variant="secondary" size="sm" onClick={() => setConfirmingArchive(false)}>
                Cancel
              </Button>
              <Button variant="danger" size="sm" loading={archiving.loading} onClick={() => void onArchive()}>
                Archive customer
              </Button>
            </div>
          </div>
        </Alert>
      )}
      {archiving.error && (
        <Alert tone="danger" className="page-notice">
          {describeError(archiving.error).message}
        </Alert>
      )}
      {notice && (
        <Alert
          tone="success"
          className="page-notice"
          onDismiss={() => {
            setNotice(null);
            setLoggedId(null);
          }}
        >
          {loggedId && !asking && !archived ? (
            <div className="confirm">
              <p>{notice}</p>
              <div className="confirm__actions">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    setAsking({ interactionId: loggedId });
                    setNotice(null);
                  }}
                >
                  Ask for feedback about it
                </Button>
              </div>
            </div>
          ) : (
            notice
          )}
        </Alert>
      )}
      <div className="detail-grid">
        <div className="detail-grid__main">
          {logging && (
            <Card title="Log interaction">
              <LogInteractionForm
                customerId={customer.id}
                onCancel={() => setLogging(false)}
                onLogged={(interaction) => {
                  setLogging(false);
                  setNotice('Interaction logged.');
                  setLoggedId(interaction.id);
                  refresh();
                }}
              />
            </Card>
          )}
          {asking && (
            <Card
              title="Ask for feedback"
              description="A single-use link to one short question: copy it, or send it by email."
            >
              <AskForFeedback
                customer={customer}
                interactionId={asking.interactionId}
                onClose={() => {
                  setAsking(null);
                  setLoggedId(null);
                }}
              />
            </Card>
          )}
          <HealthCard
            score={customer.health.score}
            band={customer.health.band}
            trend={customer.health.trend}
            factors={customer.health.factors}
            nextBestAction={customer.health.nextBestAction}
          />
          <Card title="History" description="Contacts, check-ins, friction and feedback, newest first.">
            <Timeline customerId={customer.id} />
          </Card>
          <Card
            title="Profile facts"
            description="What you have learned about this client, in their own terms."
          >
            {customer.profileFacts.length === 0 ? (
              <EmptyState
                compact
                icon="✎"
                title="No profile facts yet"
                description="Family, goals, preferences, important dates: note them as you learn them."
                action={
                  <Link
                    to={`/customers/${customer.id}/edit`}
                    className={buttonClassName({ variant: 'secondary', size: 'sm' })}
                  >
                    Add facts
                  </Link>
                }
              />
            ) : (
              <dl className="facts-list">
                {customer.profileFacts.map((fact, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: facts have no id, and this list is display-only
                  <div key={`${index}-${fact.label}`} className="facts-list__item">
                    <dt>{fact.label}</dt>
                    <dd>{fact.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
          <Card title="Notes">
            {customer.notes ? (
              <p className="notes">{customer.notes}</p>
            ) : (
              <p className="muted">No notes yet.</p>
            )}
          </Card>
          <CustomerHistory customerId={customer.id} />
        </div>
        <div className="detail-grid__side">
          <Card title="Details">
            <dl className="details-list">
              <div>
                <dt>Email</dt>
                <dd>{customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : '—'}</dd>
              </div>
              <div>
                <dt>Phone</dt>
                <dd>{customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : '—'}</dd>
              </div>
              <div>
                <dt>Relationship owner</dt>
                <dd>{customer.owner?.name ?? 'No owner'}</dd>
              </div>
              <div>
                <dt>Check-in cadence</dt>
                <dd>
                  Every {pluralize(customer.cadenceDays, 'day')}
                  {usesDefaultCadence && <span className="muted"> (workspace default)</span>}
                </dd>
              </div>
              <div>
                <dt>Last non-sales contact</dt>
                <dd>
                  {customer.lastRelationshipContactAt
                    ? formatDate(customer.lastRelationshipContactAt)
                    : 'Never'}
                </dd>
              </div>
              <div>
                <dt>Next check-in due</dt>
                <dd>
                  <NextCheckIn dueAt={customer.nextCheckInDueAt} overdue={customer.checkInOverdue} />
                </dd>
              </div>
              <div>
                <dt>Tags</dt>
                <dd>
                  {customer.tags.length > 0 ? (
                    <TagList tags={customer.tags} label={`Tags of ${customer.name}`} />
                  ) : (
                    'None'
                  )}
                </dd>
              </div>
              <div>
                <dt>Customer since</dt>
                <dd>{formatDate(customer.createdAt)}</dd>
              </div>
            </dl>
          </Card>
          <Card title="Feedback requests">
            <CustomerFeedbackRequests customerId={customer.id} />
          </Card>
          <Card title="Planned check-ins">
            <CustomerCheckIns
              customerId={customer.id}
              owner={customer.owner}
              canPlan={!archived}
              onChanged={refresh}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
