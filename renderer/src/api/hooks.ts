import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '@shared/contract';
import { useApi } from '../app/session';
import type { ApiError } from './client';

/** A read of a contract method, cached under `[method, input]` and refreshed by live events. */
export function useMethod<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  const api = useApi();
  return useQuery<Output<M>, ApiError>({ queryKey: [method, input], queryFn: () => api.call(method, input), ...options });
}

/** A write through a contract method; on success the listed reads are refreshed. */
export function useAction<M extends MethodName>(method: M, refresh: MethodName[] = []) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: async () => {
      await Promise.all(refresh.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}
