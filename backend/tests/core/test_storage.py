"""The storage of issued files: a directory, or an S3 bucket (moto plays the bucket)."""

from __future__ import annotations

import hashlib

import boto3
import pytest
from moto import mock_aws

from levier.core.config import Settings
from levier.core.storage import (
    LocalStorage,
    S3Location,
    S3Storage,
    StorageError,
    check_key,
    open_storage,
)

KEY = "completion_certificate/2025/0f8c3e2a-1b2c-4d5e-8f90-123456789abc.pdf"


class TestKeys:
    @pytest.mark.parametrize(
        "key", ["../etc/passwd", "/absolute", "a//b", "Dupré/file.pdf", "a b", "a/../b", ""]
    )
    def test_refused(self, key):
        with pytest.raises(StorageError):
            check_key(key)

    def test_accepted(self):
        assert check_key(KEY) == KEY

    def test_url(self):
        assert S3Location.parse("s3://levier-docs") == S3Location("levier-docs", "")
        location = S3Location.parse("s3://levier-docs/prod/documents/")
        assert location == S3Location("levier-docs", "prod/documents/")
        assert location.object_key("a/b.pdf") == "prod/documents/a/b.pdf"
        for wrong in ("https://bucket/x", "s3:///x", "s3://bucket/x?y=1", "s3://bucket/../x"):
            with pytest.raises(StorageError):
                S3Location.parse(wrong)


class TestLocal:
    async def test_put_get_exists_and_never_rewritten(self, tmp_path):
        storage = LocalStorage(tmp_path)
        assert not await storage.exists(KEY)
        await storage.put(KEY, b"%PDF-1", "application/pdf")
        assert await storage.exists(KEY)
        assert await storage.get(KEY) == b"%PDF-1"
        await storage.put(KEY, b"%PDF-1", "application/pdf")  # the same bytes: a no-op
        with pytest.raises(StorageError):
            await storage.put(KEY, b"%PDF-2", "application/pdf")
        assert (tmp_path / KEY).read_bytes() == b"%PDF-1"
        assert [p.name for p in (tmp_path / KEY).parent.iterdir()] == [KEY.rsplit("/")[-1]]

    async def test_missing(self, tmp_path):
        with pytest.raises(StorageError):
            await LocalStorage(tmp_path).get(KEY)

    def test_default_directory(self, tmp_path):
        storage = open_storage(Settings(environment="test", var_dir=tmp_path))
        assert storage == LocalStorage(tmp_path / "documents")
        chosen = open_storage(Settings(environment="test", storage_dir=tmp_path / "elsewhere"))
        assert chosen == LocalStorage(tmp_path / "elsewhere")


@pytest.fixture
def bucket():
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-3")
        client.create_bucket(
            Bucket="levier-docs", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
        )
        yield client


class TestS3:
    async def test_put_get_exists_under_the_prefix(self, bucket):
        storage = S3Storage(S3Location.parse("s3://levier-docs/prod"), bucket)
        assert not await storage.exists(KEY)
        await storage.put(KEY, b"%PDF-1", "application/pdf")
        assert await storage.exists(KEY)
        assert await storage.get(KEY) == b"%PDF-1"
        head = bucket.head_object(Bucket="levier-docs", Key=f"prod/{KEY}")
        assert head["ContentType"] == "application/pdf"
        assert head["Metadata"]["sha256"] == hashlib.sha256(b"%PDF-1").hexdigest()
        with pytest.raises(StorageError):
            await storage.put(KEY, b"%PDF-2", "application/pdf")
        assert await storage.get(KEY) == b"%PDF-1"

    async def test_missing(self, bucket):
        storage = S3Storage(S3Location.parse("s3://levier-docs"), bucket)
        with pytest.raises(StorageError):
            await storage.get(KEY)

    def test_chosen_by_the_settings(self, bucket):
        settings = Settings(
            environment="test",
            storage_url="s3://levier-docs/prod",
            storage_region="eu-west-3",
            storage_access_key_id="test",
            storage_secret_access_key="test",
        )
        storage = open_storage(settings)
        assert isinstance(storage, S3Storage)
        assert storage.location == S3Location("levier-docs", "prod/")
