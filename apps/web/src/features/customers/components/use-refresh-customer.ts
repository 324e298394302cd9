import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { evictCustomerLists } from './CustomerForm';

/** After a contact or a check-in changes: reload the customer's health, history and check-ins, and the lists. */
export function useRefreshCustomer() {
  const client = useApolloClient();
  return useCallback(() => {
    evictCustomerLists(client.cache);
    void client.refetchQueries({ include: ['Customer', 'CustomerTimeline', 'CustomerCheckIns'] });
  }, [client]);
}
