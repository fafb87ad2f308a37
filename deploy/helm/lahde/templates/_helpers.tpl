{{/* Name of the release's objects: <release>-lahde, or the release name when it already says lahde. */}}
{{- define "lahde.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "lahde.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector of one component (api, worker, migrate): call with (dict "root" $ "component" "api"). */}}
{{- define "lahde.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "lahde.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "lahde.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "lahde.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{- define "lahde.exportsClaim" -}}
{{- .Values.exports.existingClaim | default (printf "%s-exports" (include "lahde.fullname" .)) -}}
{{- end -}}

{{/* One variable from the existing Secret: (dict "root" $ "name" "ENV_NAME" "key" "secret-key" ["optional" true]). */}}
{{- define "lahde.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ required "secrets.existingSecret is required" .root.Values.secrets.existingSecret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* Environment of the API and the worker: plain settings as values, secrets by reference. */}}
{{- define "lahde.env" -}}
- name: NODE_ENV
  value: production
- name: LAHDE_DATA_DIR
  value: /var/lib/lahde
- name: EXPORT_DIR
  value: /var/lib/lahde/exports
{{- if not .Values.config.authIssuers }}
{{- fail "config.authIssuers must name at least one identity provider" }}
{{- end }}
- name: AUTH_ISSUERS
  value: {{ .Values.config.authIssuers | toJson | quote }}
- name: AUTH_AUDIENCE
  value: {{ .Values.config.authAudience | quote }}
- name: AUTH_ALGORITHMS
  value: {{ .Values.config.authAlgorithms | quote }}
- name: AUTH_CLOCK_TOLERANCE_SECONDS
  value: {{ .Values.config.authClockToleranceSeconds | quote }}
- name: DATABASE_POOL_SIZE
  value: {{ .Values.config.databasePoolSize | quote }}
- name: QUEUE_PREFIX
  value: {{ .Values.config.queuePrefix | quote }}
- name: LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: RATE_LIMIT_PER_USER
  value: {{ .Values.config.rateLimitPerUser | quote }}
- name: RATE_LIMIT_PER_IP
  value: {{ .Values.config.rateLimitPerIp | quote }}
- name: RATE_LIMIT_WINDOW_SECONDS
  value: {{ .Values.config.rateLimitWindowSeconds | quote }}
- name: TRUST_PROXY
  value: {{ .Values.config.trustProxy | quote }}
{{- with .Values.config.oidc }}
{{- if .clientId }}
- name: OIDC_AUTHORIZATION_URL
  value: {{ .authorizationUrl | quote }}
- name: OIDC_TOKEN_URL
  value: {{ .tokenUrl | quote }}
- name: OIDC_CLIENT_ID
  value: {{ .clientId | quote }}
- name: OIDC_SCOPE
  value: {{ .scope | default "openid profile email" | quote }}
{{- if .endSessionUrl }}
- name: OIDC_END_SESSION_URL
  value: {{ .endSessionUrl | quote }}
{{- end }}
{{- end }}
{{- end }}
{{ include "lahde.secretEnv" (dict "root" . "name" "DATABASE_URL" "key" .Values.secrets.keys.databaseUrl) }}
{{ include "lahde.secretEnv" (dict "root" . "name" "REDIS_URL" "key" .Values.secrets.keys.redisUrl) }}
{{ include "lahde.secretEnv" (dict "root" . "name" "EXPORT_LINK_SECRET" "key" .Values.secrets.keys.exportLinkSecret) }}
{{- if .Values.secrets.keys.metricsToken }}
{{ include "lahde.secretEnv" (dict "root" . "name" "METRICS_TOKEN" "key" .Values.secrets.keys.metricsToken "optional" true) }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Writable places under a read-only root file system: the shared export volume and /tmp. */}}
{{- define "lahde.volumeMounts" -}}
- name: exports
  mountPath: /var/lib/lahde/exports
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "lahde.volumes" -}}
- name: exports
  persistentVolumeClaim:
    claimName: {{ include "lahde.exportsClaim" . }}
- name: tmp
  emptyDir: {}
{{- end -}}
