import { useQuery } from '@apollo/client/react';
import { buttonClassName, EmptyState, ErrorState, LoadingState, PageHeader } from '@rapport/ui';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '~/app/errors';
import { useDocumentTitle } from '~/app/use-document-title';
import { CustomerForm } from '../components/CustomerForm';
import { CustomerDocument } from '../graphql/customers.graphql';

export function EditCustomerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(CustomerDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const customer = data?.customer;
  useDocumentTitle(customer ? `Edit ${customer.name}` : 'Edit customer');

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

  return (
    <div className="page-narrow">
      <PageHeader
        eyebrow={<Link to={`/customers/${customer.id}`}>← {customer.name}</Link>}
        title="Edit customer"
      />
      {/* Keyed so that fresh data from the server starts the form over only when the customer changes. */}
      <CustomerForm
        key={customer.id}
        customer={customer}
        onSaved={(saved) => void navigate(`/customers/${saved.id}`)}
        onCancel={() => void navigate(`/customers/${customer.id}`)}
      />
    </div>
  );
}

export function CustomerNotFound() {
  return (
    <>
      <PageHeader title="Customer not found" />
      <EmptyState
        icon="?"
        title="We could not find this customer"
        description="The link may be wrong, or the customer belongs to another workspace."
        action={
          <Link to="/customers" className={buttonClassName({ variant: 'secondary' })}>
            Back to customers
          </Link>
        }
      />
    </>
  );
}
