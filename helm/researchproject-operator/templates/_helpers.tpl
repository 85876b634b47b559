{{/* The release's full name, at most 63 characters as Kubernetes names allow. */}}
{{- define "rpo.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The pre-delete check's Job and pod: its own name, so no Service selects it. */}}
{{- define "rpo.uninstallCheckJob" -}}
{{ include "rpo.fullname" . | trunc 47 | trimSuffix "-" }}-uninstall-check
{{- end -}}
{{- define "rpo.uninstallCheckName" -}}
{{ include "rpo.name" . | trunc 47 | trimSuffix "-" }}-uninstall-check
{{- end -}}

{{- define "rpo.name" -}}
{{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{- define "rpo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rpo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "rpo.labels" -}}
{{ include "rpo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "rpo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "rpo.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name: name the existing ServiceAccount when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* By digest when one is given: a tag can be moved, a digest cannot. */}}
{{- define "rpo.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The operator's ServiceAccount, as the subject of its bindings. */}}
{{- define "rpo.operatorSubject" -}}
- kind: ServiceAccount
  name: {{ include "rpo.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end -}}

{{/*
The operator's writes to Velero's objects: the project's backup Schedule (replaced when its
immutable parts change), the final Backup before a Delete, and restore-drill Restores (created,
and pruned beyond the newest three).
*/}}
{{- define "rpo.veleroWrites" -}}
- apiGroups: [velero.io]
  resources: [schedules]
  verbs: [create, update, delete]
- apiGroups: [velero.io]
  resources: [backups]
  verbs: [create]
- apiGroups: [velero.io]
  resources: [restores]
  verbs: [create, delete]
{{- end -}}
