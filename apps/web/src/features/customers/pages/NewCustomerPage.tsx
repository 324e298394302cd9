import { PageHeader } from '@rapport/ui';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '~/app/use-document-title';
import { CustomerForm } from '../components/CustomerForm';

export function NewCustomerPage() {
  useDocumentTitle('New customer');
  const navigate = useNavigate();
  return (
    <div className="page-narrow">
      <PageHeader
        eyebrow={<Link to="/customers">← Customers</Link>}
        title="New customer"
        description="Only the name is required; add what you know now and the rest later."
      />
      <CustomerForm
        onSaved={(customer) => void navigate(`/customers/${customer.id}`, { replace: true })}
        onCancel={() => void navigate('/customers')}
      />
    </div>
  );
}
