"""Where issued files live: one interface (`put`, `get`, `exists`) over a local directory (the
default, `LEVIER_STORAGE_DIR`, `var/documents`) or S3-compatible object storage
(`LEVIER_STORAGE_URL=s3://bucket/prefix`, through boto3: the AWS SDK, maintained by AWS and
spoken by every S3-compatible service, MinIO, Garage, Scaleway, OVHcloud, Ceph…).

Files are written once: a key names one issued document (its id), so putting other bytes
under an existing key is refused instead of silently replacing an archived file. Keys are
Levier's own (`kind/year/uuid.ext`): never a person's name, which an object store's listings
and logs would show to whoever runs them.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Protocol
from urllib.parse import urlsplit

from fastapi import Depends, Request

from levier.core.config import Settings

KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)*$")


class StorageError(RuntimeError):
    """A key refused, a file missing, or a rewrite of an archived file."""


def check_key(key: str) -> str:
    """A key made of lowercase path segments (no `..`, no leading slash, no spaces)."""
    if not KEY.match(key) or ".." in key or len(key) > 512:
        raise StorageError(f"invalid storage key: {key!r}")
    return key


class Storage(Protocol):
    async def put(self, key: str, content: bytes, media_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def exists(self, key: str) -> bool: ...


@dataclass(frozen=True)
class LocalStorage:
    """Files under a directory, written atomically (a temporary file, then renamed)."""

    root: Path

    def path_of(self, key: str) -> Path:
        return self.root / check_key(key)

    def _put(self, key: str, content: bytes) -> None:
        path = self.path_of(key)
        if path.exists():
            if path.read_bytes() == content:
                return
            raise StorageError(f"{key} is archived already: it is never rewritten")
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _get(self, key: str) -> bytes:
        path = self.path_of(key)
        if not path.is_file():
            raise StorageError(f"{key} is missing from {self.root}")
        return path.read_bytes()

    async def put(self, key: str, content: bytes, media_type: str) -> None:
        await asyncio.to_thread(self._put, key, content)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._get, key)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path_of(key).is_file)


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str

    @classmethod
    def parse(cls, url: str) -> S3Location:
        """`s3://bucket/some/prefix` → the bucket and the prefix (`some/prefix/`, or none)."""
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc or parts.query or parts.fragment:
            raise StorageError(f"LEVIER_STORAGE_URL must read s3://bucket[/prefix], not {url!r}")
        prefix = parts.path.strip("/")
        if prefix:
            check_key(prefix)
        return cls(parts.netloc, f"{prefix}/" if prefix else "")

    def object_key(self, key: str) -> str:
        return self.prefix + check_key(key)


class S3Storage:
    """Objects in an S3-compatible bucket. boto3 is synchronous: each call runs in a worker
    thread so the event loop keeps serving other requests."""

    def __init__(self, location: S3Location, client: Any) -> None:
        self.location = location
        self.client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> S3Storage:
        import boto3  # only where S3 is configured: the import costs a fraction of a second

        assert settings.storage_url is not None
        client = boto3.client(
            "s3",
            endpoint_url=settings.storage_endpoint_url,
            region_name=settings.storage_region,
            aws_access_key_id=settings.storage_access_key_id,
            aws_secret_access_key=settings.storage_secret_access_key,
        )
        return cls(S3Location.parse(settings.storage_url), client)

    def _missing(self, error: Exception) -> bool:
        response = getattr(error, "response", None) or {}
        code = str(response.get("Error", {}).get("Code", ""))
        return code in {"404", "NoSuchKey", "NotFound"}

    def _exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.location.bucket, Key=self.location.object_key(key))
        except Exception as error:
            if self._missing(error):
                return False
            raise
        return True

    def _put(self, key: str, content: bytes, media_type: str) -> None:
        if self._exists(key):
            if self._get(key) == content:
                return
            raise StorageError(f"{key} is archived already: it is never rewritten")
        self.client.put_object(
            Bucket=self.location.bucket,
            Key=self.location.object_key(key),
            Body=content,
            ContentType=media_type,
            Metadata={"sha256": hashlib.sha256(content).hexdigest()},
        )

    def _get(self, key: str) -> bytes:
        try:
            answer = self.client.get_object(
                Bucket=self.location.bucket, Key=self.location.object_key(key)
            )
        except Exception as error:
            if self._missing(error):
                raise StorageError(f"{key} is missing from {self.location.bucket}") from error
            raise
        return answer["Body"].read()  # type: ignore[no-any-return]

    async def put(self, key: str, content: bytes, media_type: str) -> None:
        await asyncio.to_thread(self._put, key, content, media_type)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._get, key)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._exists, key)


def open_storage(settings: Settings) -> Storage:
    """The storage the settings choose: S3 when `storage_url` is set, else the directory."""
    if settings.storage_url:
        return S3Storage.from_settings(settings)
    return LocalStorage(settings.storage_dir or settings.var_dir / "documents")


async def app_storage(request: Request) -> Storage:
    """The running application's storage (opened once, on first use)."""
    storage = getattr(request.app.state, "storage", None)
    if storage is None:
        storage = open_storage(request.app.state.settings)
        request.app.state.storage = storage
    return storage  # type: ignore[no-any-return]


StorageDep = Annotated[Storage, Depends(app_storage)]
