import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { evictCustomerLists } from './CustomerForm';

/**
 * After a contact or a check-in changes: reload the customer's health, timeline and check-ins, and
 * the lists. Their change history is dropped from the cache, so it reloads if it is open (and when
 * it is next opened otherwise).
 */
export function useRefreshCustomer(customerId: string) {
  const client = useApolloClient();
  return useCallback(() => {
    evictCustomerLists(client.cache);
    client.cache.evict({
      id: client.cache.identify({ __typename: 'Customer', id: customerId }),
      fieldName: 'history',
    });
    void client.refetchQueries({ include: ['Customer', 'CustomerTimeline', 'CustomerCheckIns'] });
  }, [client, customerId]);
}
